/**
 * The venues' inside, one folder per part: {@code venue} (venues, their codes and who works at
 * them), {@code rule} (what a door admits: the venue's rule and the city's rules over it) and
 * {@code passage} (the log, its day partitions and retention).
 */
@org.jspecify.annotations.NullMarked
package org.suishen.venues.internal;
