/**
 * Per-person daily limits on writes a script could otherwise repeat without end (NAT code
 * regeneration, declarations, appeals, dependant binding requests): each write counts in its own
 * transaction, and the one over the limit is refused with when to try again.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.limits;
