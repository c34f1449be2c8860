/** The population register import API and admin page. */
@org.jspecify.annotations.NullMarked
package org.suishen.identity.web;
