package org.suishen.status.web;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.Colour;
import org.suishen.status.internal.manual.ManualChangeProposal;
import org.suishen.status.internal.manual.ManualChangeService;

/**
 * Manual colour changes with a legal basis (two people): propose, then a different officer approves
 * or rejects.
 */
@RestController
@RequestMapping("/api/authority/manual-changes")
class ManualChangeController {

  private final ManualChangeService changes;
  private final StatusTexts texts;

  ManualChangeController(ManualChangeService changes, StatusTexts texts) {
    this.changes = changes;
    this.texts = texts;
  }

  record ProposeRequest(
      @NotNull UUID personId,
      @NotNull Colour colour,
      @NotNull String reasonCode,
      @NotNull String evidence,
      @Nullable String evidenceFile,
      @Nullable Instant validUntil) {}

  /** The approving or rejecting officer's note: {@code decisionNote}, as the change shows it. */
  record DecisionRequest(@Nullable String decisionNote) {}

  record Reason(String code, StatusTexts.Bilingual text) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
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
  List<ManualChangeView> pending() {
    return changes.pending(Paging.MAX).stream().map(c -> ManualChangeView.of(c, texts)).toList();
  }

  @GetMapping("/reasons")
  List<Reason> reasons() {
    return changes.reasonCodes().stream()
        .map(code -> new Reason(code, texts.reason("manual." + code)))
        .toList();
  }

  @GetMapping("/{id}")
  ManualChangeView change(@PathVariable UUID id) {
    return ManualChangeView.of(changes.find(id), texts);
  }

  @PostMapping("/{id}/approve")
  ManualChangeView approve(
      @PathVariable UUID id, @RequestBody(required = false) @Nullable DecisionRequest request) {
    return ManualChangeView.of(
        changes.approve(id, CurrentActor.get(), request == null ? null : request.decisionNote()),
        texts);
  }

  @PostMapping("/{id}/reject")
  ManualChangeView reject(
      @PathVariable UUID id, @RequestBody(required = false) @Nullable DecisionRequest request) {
    return ManualChangeView.of(
        changes.reject(id, CurrentActor.get(), request == null ? null : request.decisionNote()),
        texts);
  }
}
