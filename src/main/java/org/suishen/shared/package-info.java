/**
 * Shared kernel: stable error codes with bilingual messages (RFC 9457 problem details), identity
 * masking, the injected clock, who is acting (for the audit trail), and the page layout. Every
 * context may use it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared kernel",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.suishen.shared;
