package org.suishen.appeals.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.Appeal;
import org.suishen.appeals.internal.AppealState;
import org.suishen.appeals.internal.CitizenAppeal;
import org.suishen.appeals.internal.EvidenceFile;
import org.suishen.appeals.internal.Outcome;
import org.suishen.identity.DocumentType;
import org.suishen.status.Colour;

/** The JSON shapes of the appeals API. */
final class AppealJson {

  private AppealJson() {}

  /**
   * An appeal as its appellant sees it, with the names of the filing ({@code kind, text,
   * believedColour, correctedName, documentType, documentNumber, name}, the last two masked);
   * {@code answer} is absent until it is decided.
   */
  @Schema(description = "An appeal as its appellant sees it")
  record Mine(
      @Schema(example = "0b6f3c8e-2f7d-4d55-9a43-5c2f0f2f9a11") UUID id,
      AppealKind kind,
      AppealState state,
      @Schema(description = "The appellant's explanation", example = "我三月以来一直在上海。") String text,
      @Schema(
              description = "Colour appeal: the colour the person believes correct",
              example = "GREEN")
          @Nullable Colour believedColour,
      @Schema(
              description = "Name appeal: the name as on the person's identity document",
              example = "王晓明")
          @Nullable String correctedName,
      @Schema(
              description = "Identity appeal: the type of the document asked for",
              example = "RESIDENT_ID")
          @Nullable DocumentType documentType,
      @Schema(
              description = "Identity appeal: the document's number, masked",
              example = "3101**********0035")
          @Nullable String documentNumber,
      @Schema(description = "Identity appeal: the name on the document, masked", example = "王*明")
          @Nullable String name,
      Instant submittedAt,
      List<File> evidence,
      @Schema(description = "The authority's answer, once decided") @Nullable Answer answer) {

    static Mine of(CitizenAppeal mine) {
      var a = mine.appeal();
      var identity = mine.identity();
      return new Mine(
          a.id(),
          a.kind(),
          a.state(),
          a.text(),
          a.believedColour(),
          a.correctedName(),
          identity == null ? null : identity.documentType(),
          identity == null ? null : identity.maskedDocumentNumber(),
          identity == null ? null : identity.maskedName(),
          a.submittedAt(),
          mine.evidence().stream().map(File::of).toList(),
          Answer.of(a));
    }
  }

  /**
   * The authority's answer, shown to the person: the names of the reviewer's decision ({@code
   * outcome, correctedColour, correctedName, reason}).
   */
  @Schema(name = "AppealAnswer", description = "The authority's answer to an appeal")
  record Answer(
      Outcome outcome,
      @Schema(example = "GREEN") @Nullable Colour correctedColour,
      @Schema(example = "王晓明") @Nullable String correctedName,
      @Schema(description = "The reviewer's explanation", example = "经核实已解除隔离。")
          @Nullable String reason,
      Instant decidedAt) {

    static @Nullable Answer of(Appeal appeal) {
      var d = appeal.decision();
      return d == null
          ? null
          : new Answer(
              d.outcome(), d.correctedColour(), d.correctedName(), d.reason(), d.decidedAt());
    }
  }

  /**
   * An evidence file; {@code purgedAt} is set once its bytes were deleted under the retention rule
   * (the download then answers 410 {@code appeals.evidence.purged}), {@code sha256} stays.
   */
  @Schema(name = "EvidenceFile", description = "An evidence file attached to an appeal")
  record File(
      UUID id,
      @Schema(description = "Its place among the appeal's files, from 1", example = "1")
          int position,
      @Schema(example = "解除隔离通知书.pdf") String fileName,
      @Schema(
              allowableValues = {"image/jpeg", "image/png", "image/webp", "application/pdf"},
              example = "application/pdf")
          String contentType,
      @Schema(description = "Bytes", example = "184320") int size,
      @Schema(
              description = "SHA-256 of the bytes, hex; kept after the bytes are purged",
              example = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b")
          String sha256,
      @Schema(description = "When the bytes were deleted under the retention rule; null: kept")
          @Nullable Instant purgedAt) {

    static File of(EvidenceFile f) {
      return new File(
          f.id(),
          f.position(),
          f.fileName(),
          f.type().contentType(),
          f.size(),
          f.sha256(),
          f.purgedAt());
    }
  }
}
