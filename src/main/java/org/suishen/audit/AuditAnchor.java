package org.suishen.audit;

/**
 * Publishes the verified head of the audit trail's hash chain to a place outside the database, so
 * that someone able to rewrite the database (and recompute every hash) still cannot rewrite history
 * unnoticed: an auditor compares a published head with the database ({@code POST
 * /api/audit/anchors/check}).
 *
 * <p>Adapters here: {@code file} (default: appends {@link AnchoredHead#line()} to a file and forces
 * it to disk) and {@code log} (writes the line to the log, for log shipping). The real integration
 * point is an adapter to a place the operators of this database cannot write: an RFC 3161
 * timestamping authority, a write-once (object-lock) store, or a notary service (docs/audit.md).
 * Set {@code suishen.audit.anchor.adapter} to any other value and provide a bean of this type.
 */
public interface AuditAnchor {

  /**
   * Publishes the head. Called by one node at a time, at most every {@code
   * suishen.audit.anchor.min-interval}.
   *
   * @return where it was published (a file, a receipt id), free of personal data
   * @throws RuntimeException if it could not be published; the next run tries again
   */
  String publish(AnchoredHead head);
}
