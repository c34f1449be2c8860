package org.suishen.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One import of a population register file and its progress.
 *
 * @param startedBy the actor, e.g. {@code staff:admin}
 * @param bytesTotal size of the file; {@code bytesRead} of it have been read
 * @param rowsRead data rows read so far (the header and blank lines not counted)
 * @param rowsRejected rows refused, each with a line number and a reason
 * @param rowsMerged rows that created a person or changed one (set when DONE)
 * @param rowsInserted of {@code rowsMerged}, the new persons
 * @param failure the error code when FAILED
 */
public record RegisterImportJob(
    UUID id,
    String fileName,
    String startedBy,
    RegisterImportStatus status,
    RegisterImportPhase phase,
    long bytesTotal,
    long bytesRead,
    long rowsRead,
    long rowsRejected,
    long rowsMerged,
    long rowsInserted,
    @Nullable String failure,
    Instant startedAt,
    @Nullable Instant finishedAt) {

  /** Persons whose data changed. */
  public long rowsUpdated() {
    return rowsMerged - rowsInserted;
  }

  /** Valid rows identical to what the register already held (when DONE). */
  public long rowsUnchanged() {
    return status == RegisterImportStatus.DONE ? rowsRead - rowsRejected - rowsMerged : 0;
  }

  /** How far it has got, 0-100: reading counts up to 90, merging is the rest. */
  public int percent() {
    if (phase == RegisterImportPhase.FINISHED) {
      return 100;
    }
    if (phase == RegisterImportPhase.MERGING) {
      return 90;
    }
    return bytesTotal <= 0 ? 0 : (int) Math.min(90, bytesRead * 90 / bytesTotal);
  }

  public boolean finished() {
    return status != RegisterImportStatus.RUNNING;
  }
}
