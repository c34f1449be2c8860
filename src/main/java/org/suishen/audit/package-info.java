/**
 * Audit trail: every read of a person's data by someone else and every change of a person's data,
 * append-only and hash-chained so that tampering is detectable (MISSION X1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
@org.jspecify.annotations.NullMarked
package org.suishen.audit;
