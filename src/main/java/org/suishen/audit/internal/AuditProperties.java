package org.suishen.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Figures of the audit trail (defaults in application.yaml).
 *
 * @param sealInterval pause between two runs of the sealer
 * @param sealBatchSize entries sealed per transaction
 * @param sealMaxBatches batches per run at most, so that one run never holds the lock for long
 * @param unsealedAlarmAfter an entry still unsealed this long after it was written is reported by
 *     the verifier (the sealer is not running, or a transaction stayed open for long)
 * @param verifyBatchSize entries read per query while verifying
 * @param verifyMaxEntries entries verified per request at most; the report says where to continue
 * @param pageSize entries per page of a search
 * @param searchTimeout a search running longer is stopped and the auditor asked to narrow it
 * @param retention entries are kept at least this long, then dropped a day at a time once verified
 * @param partitionsAhead days of partitions made ahead (nightly, and at start)
 */
@ConfigurationProperties("suishen.audit")
public record AuditProperties(
    Duration sealInterval,
    int sealBatchSize,
    int sealMaxBatches,
    Duration unsealedAlarmAfter,
    int verifyBatchSize,
    long verifyMaxEntries,
    int pageSize,
    Duration searchTimeout,
    Duration retention,
    int partitionsAhead) {}
