/**
 * The 30-day NAT code (核酸码) for sampling registration: one valid code per person, printable, with a
 * revocation feed for terminals (MISSION N1-N5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "NAT code")
@org.jspecify.annotations.NullMarked
package org.suishen.natcode;
