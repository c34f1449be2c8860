/** The search, its rules and figures. */
@org.jspecify.annotations.NullMarked
package org.suishen.personsearch.internal;
