/** Scanning: the decision, the durable scan log written in group commits, and its queries. */
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode.internal.scan;
