package org.suishen.identity.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportPhase;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.shared.problem.ErrorMessages;

/** An import as the API shows it, with its progress in percent and its links. */
record ImportJobView(
    UUID id,
    String fileName,
    String startedBy,
    RegisterImportStatus status,
    RegisterImportPhase phase,
    int percent,
    long bytesTotal,
    long bytesRead,
    long rowsRead,
    long rowsRejected,
    long rowsMerged,
    long rowsInserted,
    long rowsUpdated,
    long rowsUnchanged,
    @Nullable String failure,
    @Nullable String failureMessageZh,
    @Nullable String failureMessageEn,
    Instant startedAt,
    @Nullable Instant finishedAt,
    String self,
    String rejections) {

  static final String BASE = "/api/admin/register/imports";

  static ImportJobView of(RegisterImportJob job, ErrorMessages messages) {
    String failure = job.failure();
    return new ImportJobView(
        job.id(),
        job.fileName(),
        job.startedBy(),
        job.status(),
        job.phase(),
        job.percent(),
        job.bytesTotal(),
        job.bytesRead(),
        job.rowsRead(),
        job.rowsRejected(),
        job.rowsMerged(),
        job.rowsInserted(),
        job.rowsUpdated(),
        job.rowsUnchanged(),
        failure,
        failure == null ? null : messages.chinese(failure),
        failure == null ? null : messages.english(failure),
        job.startedAt(),
        job.finishedAt(),
        BASE + "/" + job.id(),
        BASE + "/" + job.id() + "/rejections");
  }
}
