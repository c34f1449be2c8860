/** Citizen and reviewer pages and JSON API for dependants' bindings. */
@org.jspecify.annotations.NullMarked
package org.suishen.dependants.web;
