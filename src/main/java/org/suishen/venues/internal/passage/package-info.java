/** Venues: see {@link org.suishen.venues.internal}. */
@org.jspecify.annotations.NullMarked
package org.suishen.venues.internal.passage;
