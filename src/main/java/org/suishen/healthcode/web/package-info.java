/** The health code's pages and JSON API. */
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode.web;
