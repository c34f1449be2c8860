package org.suishen.status.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.Colour;
import org.suishen.status.internal.manual.ManualChangeHistoryQuery;
import org.suishen.status.internal.manual.ManualChangeProposal;
import org.suishen.status.internal.manual.ManualChangeService;

/**
 * Manual colour changes with a legal basis (two people): propose, then a different officer approves
 * or rejects; the decided ones stay listed, newest first.
 */
@RestController
@RequestMapping("/api/authority/manual-changes")
@Tag(
    name = "Authority: manual changes",
    description = "Manual colour changes with a legal basis, by two officers (H7)")
class ManualChangeController {

  private final ManualChangeService changes;
  private final StatusTexts texts;

  ManualChangeController(ManualChangeService changes, StatusTexts texts) {
    this.changes = changes;
    this.texts = texts;
  }

  @Schema(description = "A proposed manual colour change; a second officer approves it")
  record ProposeRequest(
      @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") @NotNull UUID personId,
      @Schema(example = "GREEN") @NotNull Colour colour,
      @Schema(
              description = "The legal basis, one of GET /api/authority/manual-changes/reasons",
              example = "data-correction")
          @NotNull
          String reasonCode,
      @Schema(
              description =
                  "The evidence, at least suishen.status.manual.evidence-min-length (10)"
                      + " characters",
              example = "区疾控中心 2026-04-01 复核：该人员并非密切接触者，数据录入有误。")
          @NotNull
          String evidence,
      @Schema(description = "A reference to the evidence file", example = "DOC-2026-04-0117")
          @Nullable String evidenceFile,
      @Schema(description = "Until when it holds, in the future; absent: until changed again")
          @Nullable Instant validUntil) {}

  /** The approving or rejecting officer's note: {@code decisionNote}, as the change shows it. */
  @Schema(name = "ManualChangeDecision", description = "The deciding officer's note")
  record DecisionRequest(
      @Schema(description = "Required to reject, optional to approve", example = "证据充分，同意。")
          @Nullable String decisionNote) {}

  @Schema(name = "ManualChangeReason", description = "A legal basis an officer may cite")
  record Reason(
      @Schema(example = "data-correction") String code,
      @Schema(description = "Its text in Chinese and English") StatusTexts.Bilingual text) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Propose a manual colour change",
      description =
          "With a prescribed legal basis and evidence; it takes effect only once a different"
              + " officer approves it. One pending change per person. Audited.")
  @Refusal(status = 400, code = "status.manual.reason-unknown")
  @Refusal(status = 400, code = "status.manual.evidence-required")
  @Refusal(status = 400, code = "status.manual.evidence-too-long")
  @Refusal(status = 400, code = "status.manual.evidence-file-invalid")
  @Refusal(status = 400, code = "status.manual.until-in-past")
  @Refusal(status = 404, code = "status.person.unknown")
  @Refusal(status = 409, code = "status.manual.pending-exists")
  ManualChangeView propose(@Valid @RequestBody ProposeRequest request) {
    var proposal =
        new ManualChangeProposal(
            request.personId(),
            request.colour(),
            request.reasonCode(),
            request.evidence(),
            request.evidenceFile(),
            request.validUntil());
    return ManualChangeView.of(changes.propose(proposal, CurrentActor.get()), texts);
  }

  @GetMapping
  @Operation(
      summary = "Manual changes waiting for approval",
      description = "Oldest first, at most 100.")
  List<ManualChangeView> pending() {
    return changes.pending(Paging.MAX).stream().map(c -> ManualChangeView.of(c, texts)).toList();
  }

  @GetMapping("/decided")
  @Operation(
      summary = "Approved and rejected manual changes, newest decision first",
      description =
          "A page at a time: pass the answer's next as before. state: APPROVED or REJECTED"
              + " (default both); mine=true: only those the caller decided. Upheld appeals'"
              + " corrections are not listed (the appeals' own history has them). Each entry names"
              + " the person masked with their colour then, so each is a read audited for its"
              + " person (status.person.read).")
  @Refusal(status = 400, code = "status.manual.history.state-invalid")
  @Refusal(status = 400, code = "status.manual.history.before-invalid")
  @Refusal(status = 400, code = "status.paging.limit")
  ManualChangeHistoryView decided(
      @Parameter(
              description = "Only this decision: APPROVED or REJECTED; absent: both",
              example = "APPROVED")
          @RequestParam(required = false)
          @Nullable String state,
      @Parameter(description = "Only the changes the caller decided", example = "true")
          @RequestParam(defaultValue = "false")
          boolean mine,
      @Parameter(
              description = "The next of the previous page",
              example = "1775721600000000.5a1d7c3e-2b4f-4e6a-9c8d-0f1e2d3c4b5a")
          @RequestParam(required = false)
          @Nullable String before,
      @Parameter(description = "Changes per page, 1 to 100 (default 50)", example = "50")
          @RequestParam(required = false)
          @Nullable Integer limit) {
    Actor officer = CurrentActor.get();
    return ManualChangeHistoryView.of(
        changes.decided(
            ManualChangeHistoryQuery.parse(state, mine, before, limit, officer), officer),
        texts);
  }

  @GetMapping("/reasons")
  @Operation(
      summary = "The legal bases an officer may cite",
      description = "Configured in suishen.status.manual.reason-codes.")
  List<Reason> reasons() {
    return changes.reasonCodes().stream()
        .map(code -> new Reason(code, texts.reason("manual." + code)))
        .toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One manual change")
  @Refusal(status = 404, code = "status.manual.not-found")
  ManualChangeView change(@PathVariable UUID id) {
    return ManualChangeView.of(changes.find(id), texts);
  }

  @PostMapping("/{id}/approve")
  @Operation(
      summary = "Approve a proposed manual change",
      description =
          "By an officer other than the proposer. The colour changes at once and the person is"
              + " notified. Audited.")
  @Refusal(status = 400, code = "status.manual.note-too-long")
  @Refusal(status = 403, code = "status.manual.same-approver")
  @Refusal(status = 404, code = "status.manual.not-found")
  @Refusal(status = 409, code = "status.manual.not-pending")
  @Refusal(status = 409, code = "status.manual.until-in-past")
  ManualChangeView approve(
      @PathVariable UUID id, @RequestBody(required = false) @Nullable DecisionRequest request) {
    return ManualChangeView.of(
        changes.approve(id, CurrentActor.get(), request == null ? null : request.decisionNote()),
        texts);
  }

  @PostMapping("/{id}/reject")
  @Operation(
      summary = "Reject a proposed manual change",
      description = "With a note saying why. Nothing changes for the person. Audited.")
  @Refusal(status = 400, code = "status.manual.note-required")
  @Refusal(status = 400, code = "status.manual.note-too-long")
  @Refusal(status = 404, code = "status.manual.not-found")
  @Refusal(status = 409, code = "status.manual.not-pending")
  ManualChangeView reject(
      @PathVariable UUID id, @RequestBody(required = false) @Nullable DecisionRequest request) {
    return ManualChangeView.of(
        changes.reject(id, CurrentActor.get(), request == null ? null : request.decisionNote()),
        texts);
  }
}
