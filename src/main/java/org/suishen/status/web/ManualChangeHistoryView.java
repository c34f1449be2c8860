package org.suishen.status.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.manual.DecidedManualChange;
import org.suishen.status.internal.manual.ManualChange;
import org.suishen.status.internal.manual.ManualChangeHistory;

/**
 * Decided manual changes, newest decision first; {@code next} is the cursor of the page after (pass
 * it as {@code before}).
 */
@Schema(description = "Approved and rejected manual changes, newest decision first")
record ManualChangeHistoryView(
    List<Entry> entries,
    @Schema(
            description = "The before of the following page; null on the last",
            example = "1775721600000000.5a1d7c3e-2b4f-4e6a-9c8d-0f1e2d3c4b5a")
        @Nullable String next) {

  /**
   * A decided change: the fields of {@link ManualChangeView}, the person masked, the colour then.
   */
  @Schema(
      name = "DecidedManualChange",
      description = "An approved or rejected manual change, with the person masked")
  record Entry(
      @Schema(example = "5a1d7c3e-2b4f-4e6a-9c8d-0f1e2d3c4b5a") UUID id,
      @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID personId,
      @Schema(description = "Null if the register no longer knows the person", example = "王*明")
          @Nullable String maskedName,
      @Schema(example = "3101**********0035") @Nullable String maskedDocumentNumber,
      @Schema(
              description =
                  "The person's colour when it was decided: what an approval changed from, what a"
                      + " rejection left in place",
              allowableValues = {"GREEN", "YELLOW", "RED"},
              example = "YELLOW")
          String colourBefore,
      @Schema(
              description = "The colour proposed (set, if approved)",
              allowableValues = {"GREEN", "YELLOW", "RED"},
              example = "GREEN")
          String colour,
      @Schema(description = "The legal basis", example = "data-correction") String reasonCode,
      @Schema(description = "The legal basis in Chinese and English")
          StatusTexts.Bilingual reasonText,
      @Schema(
              description = "The evidence as described by the proposing officer",
              example = "区疾控中心 2026-04-01 复核：该人员并非密切接触者，数据录入有误。")
          String evidence,
      @Schema(
              allowableValues = {"APPROVED", "REJECTED"},
              example = "APPROVED")
          String state,
      @Schema(example = "staff:zhao.min") String proposedBy,
      Instant proposedAt,
      @Schema(
              description = "The second officer who approved or rejected it",
              example = "staff:qian.li")
          String decidedBy,
      Instant decidedAt,
      @Schema(description = "The deciding officer's note", example = "证据充分，同意。")
          @Nullable String decisionNote) {

    static Entry of(DecidedManualChange d, StatusTexts texts) {
      ManualChange c = d.change();
      return new Entry(
          c.id(),
          c.personId(),
          d.maskedName(),
          d.maskedDocumentNumber(),
          d.colourBefore().name(),
          c.colour().name(),
          c.reasonCode(),
          texts.reason("manual." + c.reasonCode()),
          c.evidence(),
          c.state().name(),
          c.proposedBy(),
          c.proposedAt(),
          java.util.Objects.requireNonNull(c.decidedBy()),
          java.util.Objects.requireNonNull(c.decidedAt()),
          c.decisionNote());
    }
  }

  static ManualChangeHistoryView of(ManualChangeHistory history, StatusTexts texts) {
    return new ManualChangeHistoryView(
        history.entries().stream().map(e -> Entry.of(e, texts)).toList(), history.next());
  }
}
