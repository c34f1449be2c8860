/**
 * Writing many rows well: scheduled jobs that work through due rows in batches, one transaction
 * each ({@link org.suishen.shared.batch.BatchRunner}), and requests written in groups, one commit
 * per group ({@link org.suishen.shared.batch.GroupCommit}), owned by a context's bean through
 * {@link org.suishen.shared.batch.GroupedWrites} (scans, registrations, passages, NAT codes).
 */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.batch;
