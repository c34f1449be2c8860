/** The door: what a sentinel, a member of staff or a self-scan decides, written in groups. */
@org.jspecify.annotations.NullMarked
package org.suishen.venues.internal.door;
