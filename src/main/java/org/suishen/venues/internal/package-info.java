/**
 * The venues' inside, one folder per part: {@code venue} (venues, their codes and who works at
 * them), {@code rule} (what a door admits: the venue's rule and the city's rules over it), {@code
 * door} (a presentation decided: sentinel, staff check, self-scan), {@code passage} (the log, its
 * group commit, day partitions and retention) and {@code trace} (the authority's queries).
 */
@org.jspecify.annotations.NullMarked
package org.suishen.venues.internal;
