/** Trace queries over the passage log, for the health authority only, each with its legal basis. */
@org.jspecify.annotations.NullMarked
package org.suishen.venues.internal.trace;
