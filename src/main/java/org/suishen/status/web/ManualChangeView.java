package org.suishen.status.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.manual.ManualChange;

/** A manual change as the authority sees it. */
@Schema(description = "A manual colour change (or an upheld appeal's correction)")
record ManualChangeView(
    @Schema(example = "5a1d7c3e-2b4f-4e6a-9c8d-0f1e2d3c4b5a") UUID id,
    @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID personId,
    @Schema(
            description = "MANUAL, or APPEAL for an upheld appeal's correction",
            allowableValues = {"MANUAL", "APPEAL"},
            example = "MANUAL")
        String kind,
    @Schema(
            description = "The colour it sets",
            allowableValues = {"GREEN", "YELLOW", "RED"},
            example = "GREEN")
        String colour,
    @Schema(
            description = "The legal basis (GET /api/authority/manual-changes/reasons)",
            example = "data-correction")
        String reasonCode,
    @Schema(description = "The legal basis in Chinese and English")
        StatusTexts.Bilingual reasonText,
    @Schema(
            description = "The evidence as described by the proposing officer",
            example = "区疾控中心 2026-04-01 复核：该人员并非密切接触者，数据录入有误。")
        String evidence,
    @Schema(description = "A reference to the evidence file", example = "DOC-2026-04-0117")
        @Nullable String evidenceFile,
    @Schema(description = "Until when it holds; null: until changed again")
        @Nullable Instant validUntil,
    @Schema(description = "The upheld appeal, for kind APPEAL") @Nullable UUID appealId,
    @Schema(
            allowableValues = {"PROPOSED", "APPROVED", "REJECTED"},
            example = "PROPOSED")
        String state,
    @Schema(example = "staff:zhao.min") String proposedBy,
    Instant proposedAt,
    @Schema(
            description = "The second officer who approved or rejected it",
            example = "staff:qian.li")
        @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Schema(description = "The deciding officer's note", example = "证据充分，同意。")
        @Nullable String decisionNote) {

  static ManualChangeView of(ManualChange c, StatusTexts texts) {
    String prefix = c.kind() == ManualChange.Kind.APPEAL ? "appeal." : "manual.";
    return new ManualChangeView(
        c.id(),
        c.personId(),
        c.kind().name(),
        c.colour().name(),
        c.reasonCode(),
        texts.reason(prefix + c.reasonCode()),
        c.evidence(),
        c.evidenceFile(),
        c.validUntil(),
        c.appealId(),
        c.state().name(),
        c.proposedBy(),
        c.proposedAt(),
        c.decidedBy(),
        c.decidedAt(),
        c.decisionNote());
  }
}
