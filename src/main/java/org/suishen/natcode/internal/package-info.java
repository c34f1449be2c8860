/**
 * The NAT code's implementation: credentials and their revocation feed, issuing, the printable
 * sheet, and proxy codes for bound dependants.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.natcode.internal;
