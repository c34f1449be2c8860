package org.suishen.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(example = "register-2026-04-09.csv") String fileName,
    @Schema(example = "staff:admin") String startedBy,
    RegisterImportStatus status,
    RegisterImportPhase phase,
    @Schema(example = "42") int percent,
    @Schema(example = "104857600") long bytesTotal,
    @Schema(example = "44040192") long bytesRead,
    @Schema(example = "420000") long rowsRead,
    @Schema(example = "12") long rowsRejected,
    @Schema(example = "0") long rowsMerged,
    @Schema(example = "0") long rowsInserted,
    @Schema(example = "0") long rowsUpdated,
    @Schema(example = "0") long rowsUnchanged,
    @Schema(example = "identity.import.header") @Nullable String failure,
    @Schema(example = "文件首行不是人口库的列名。") @Nullable String failureMessageZh,
    @Schema(example = "The first line is not the register's header.")
        @Nullable String failureMessageEn,
    Instant startedAt,
    @Nullable Instant finishedAt,
    @Schema(example = "/api/admin/register/imports/3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c")
        String self,
    @Schema(example = "/api/admin/register/imports/3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c/rejections")
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
