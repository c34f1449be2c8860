/**
 * The NAT code's implementation: credentials and their revocation feed, issuing (one's own and a
 * bound dependant's), the printable sheet.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.natcode.internal;
