package org.suishen.status.internal.manual;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.paging.Keyset;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.ManualStatusChanges;
import org.suishen.status.internal.Cause;
import org.suishen.status.internal.StatusEngine;
import org.suishen.status.internal.StatusNotices;
import org.suishen.status.internal.StatusProperties;
import org.suishen.status.internal.StatusRows;

/**
 * Manual colour changes: no quiet red codes. A change needs a configured legal basis and evidence,
 * is proposed by one officer and takes effect only when a second, different officer approves it.
 * Every step is audited; when a change takes effect the person's status is evaluated (history and
 * {@code HealthStatusChanged} as for any change) and the person is notified.
 */
@Service
public class ManualChangeService implements ManualStatusChanges {

  static final int EVIDENCE_MAX_LENGTH = 4000;
  static final int NOTE_MAX_LENGTH = 1000;
  static final int FILE_REFERENCE_MAX_LENGTH = 200;

  private final ManualChangeRepository changes;
  private final StatusRows rows;
  private final StatusEngine engine;
  private final StatusNotices notices;
  private final AuditTrail audit;
  private final PopulationRegister register;
  private final StatusProperties properties;

  ManualChangeService(
      ManualChangeRepository changes,
      StatusRows rows,
      StatusEngine engine,
      StatusNotices notices,
      AuditTrail audit,
      PopulationRegister register,
      StatusProperties properties) {
    this.changes = changes;
    this.rows = rows;
    this.engine = engine;
    this.notices = notices;
    this.audit = audit;
    this.register = register;
    this.properties = properties;
  }

  public List<String> reasonCodes() {
    return properties.manual().reasonCodes();
  }

  @Transactional
  public ManualChange propose(ManualChangeProposal proposal, Actor proposer) {
    Instant now = engine.now();
    if (!properties.manual().reasonCodes().contains(proposal.reasonCode())) {
      throw SuishenException.badInput("status.manual.reason-unknown");
    }
    String evidence = proposal.evidence().strip();
    if (evidence.length() < properties.manual().evidenceMinLength()) {
      throw SuishenException.badInput(
          "status.manual.evidence-required", properties.manual().evidenceMinLength());
    }
    if (evidence.length() > EVIDENCE_MAX_LENGTH) {
      throw SuishenException.badInput("status.manual.evidence-too-long", EVIDENCE_MAX_LENGTH);
    }
    String file = blankToNull(proposal.evidenceFile());
    if (file != null
        && (file.length() > FILE_REFERENCE_MAX_LENGTH
            || file.chars().anyMatch(Character::isISOControl))) {
      throw SuishenException.badInput("status.manual.evidence-file-invalid");
    }
    if (proposal.validUntil() != null && !proposal.validUntil().isAfter(now)) {
      throw SuishenException.badInput("status.manual.until-in-past");
    }
    if (register.find(proposal.personId()).isEmpty()) {
      throw SuishenException.notFound("status.person.unknown");
    }
    // the quick answer; the database keeps the rule when two proposals race (index V10_3)
    if (changes.pendingFor(proposal.personId())) {
      throw SuishenException.conflict("status.manual.pending-exists");
    }
    var change =
        new ManualChange(
            UUID.randomUUID(),
            proposal.personId(),
            ManualChange.Kind.MANUAL,
            proposal.colour(),
            proposal.reasonCode(),
            evidence,
            file,
            proposal.validUntil(),
            null,
            ManualChange.State.PROPOSED,
            proposer.toString(),
            now,
            null,
            null,
            null);
    try {
      changes.insert(change);
    } catch (DuplicateKeyException e) {
      if (ManualChangeRepository.onePendingViolated(e)) {
        throw SuishenException.conflict("status.manual.pending-exists");
      }
      throw e;
    }
    audit.record(
        new AuditEvent(
            proposer,
            "status.manual.proposed",
            change.personId(),
            "manual colour change proposed: " + change.reasonCode(),
            "change=%s colour=%s".formatted(change.id(), change.colour())));
    return change;
  }

  @Transactional
  public ManualChange approve(UUID changeId, Actor approver, @Nullable String note) {
    ManualChange change = pending(changeId);
    if (change.proposedBy().equals(approver.toString())) {
      throw SuishenException.forbidden("status.manual.same-approver");
    }
    String decisionNote = checkedNote(note, false);
    Instant now = engine.now();
    if (change.validUntil() != null && !change.validUntil().isAfter(now)) {
      throw SuishenException.conflict("status.manual.until-in-past");
    }
    changes.decide(changeId, ManualChange.State.APPROVED, approver.toString(), now, decisionNote);
    takeEffect(change.personId(), new Cause(approver, "manual:" + changeId), now);
    notices.notify(
        change.personId(),
        "status.manual-change",
        "status.notice.manual-change." + change.colour().name().toLowerCase(Locale.ROOT),
        "manual:" + changeId,
        now);
    audit.record(
        new AuditEvent(
            approver,
            "status.manual.approved",
            change.personId(),
            "manual colour change approved: " + change.reasonCode(),
            "change=%s colour=%s proposed-by=%s"
                .formatted(changeId, change.colour(), change.proposedBy())));
    return changes.find(changeId).orElseThrow();
  }

  @Transactional
  public ManualChange reject(UUID changeId, Actor officer, @Nullable String note) {
    ManualChange change = pending(changeId);
    String decisionNote = checkedNote(note, true);
    Instant now = engine.now();
    changes.decide(changeId, ManualChange.State.REJECTED, officer.toString(), now, decisionNote);
    audit.record(
        new AuditEvent(
            officer,
            "status.manual.rejected",
            change.personId(),
            "manual colour change rejected: " + change.reasonCode(),
            "change=%s colour=%s proposed-by=%s"
                .formatted(changeId, change.colour(), change.proposedBy())));
    return changes.find(changeId).orElseThrow();
  }

  @Override
  @Transactional
  public HealthStatus applyUpheldAppeal(
      UUID personId, Colour colour, UUID appealId, Actor reviewer) {
    Instant now = engine.now();
    var change =
        new ManualChange(
            UUID.randomUUID(),
            personId,
            ManualChange.Kind.APPEAL,
            colour,
            "upheld",
            "appeal " + appealId,
            null,
            null,
            appealId,
            ManualChange.State.APPROVED,
            reviewer.toString(),
            now,
            reviewer.toString(),
            now,
            null);
    if (!changes.insert(change)) {
      return engine.statusAt(personId, now);
    }
    takeEffect(personId, new Cause(reviewer, "appeal:" + appealId), now);
    notices.notify(
        personId,
        "status.appeal-correction",
        "status.notice.appeal-correction." + colour.name().toLowerCase(Locale.ROOT),
        "appeal:" + appealId,
        now);
    audit.record(
        new AuditEvent(
            reviewer,
            "status.appeal.applied",
            personId,
            "appeal upheld: colour corrected",
            "appeal=%s change=%s colour=%s".formatted(appealId, change.id(), colour)));
    return engine.statusAt(personId, now);
  }

  /**
   * Approved and rejected manual changes, newest decision first, a page at a time. Each row names
   * the person (masked) with their colour then and the colour proposed, so each row shown is a read
   * audited for its person ({@code status.person.read}), as a pending change's card is.
   */
  @Transactional
  public ManualChangeHistory decided(ManualChangeHistoryQuery query, Actor officer) {
    var rows = changes.decided(query);
    var page = rows.size() > query.limit() ? rows.subList(0, query.limit()) : rows;
    var entries =
        page.stream()
            .map(
                row -> {
                  ManualChange c = row.change();
                  var person = register.find(c.personId());
                  audit.record(
                      new AuditEvent(
                          officer,
                          "status.person.read",
                          c.personId(),
                          "health authority saw the person of a decided manual change",
                          "change=" + c.id() + " list=decided"));
                  return new DecidedManualChange(
                      c,
                      row.colourBefore(),
                      person.map(p -> p.maskedName()).orElse(null),
                      person.map(p -> p.maskedDocumentNumber()).orElse(null));
                })
            .toList();
    String next = null;
    if (rows.size() > query.limit()) {
      ManualChange last = page.getLast().change();
      // decided rows always carry their decision time (the query asks for decided ones only)
      next = new Keyset(java.util.Objects.requireNonNull(last.decidedAt()), last.id()).token();
    }
    return new ManualChangeHistory(entries, next);
  }

  public ManualChange find(UUID changeId) {
    return changes.find(changeId).orElseThrow(() -> notFound());
  }

  public List<ManualChange> pending(int limit) {
    return changes.pending(limit);
  }

  public List<ManualChange> forPerson(UUID personId) {
    return changes.forPerson(personId);
  }

  private void takeEffect(UUID personId, Cause cause, Instant now) {
    rows.markDue(List.of(personId), now, cause);
    engine.reevaluate(List.of(personId), cause, now);
  }

  private ManualChange pending(UUID changeId) {
    ManualChange change = changes.lock(changeId).orElseThrow(() -> notFound());
    if (change.state() != ManualChange.State.PROPOSED) {
      throw SuishenException.conflict("status.manual.not-pending");
    }
    return change;
  }

  private static SuishenException notFound() {
    return SuishenException.notFound("status.manual.not-found");
  }

  private static @Nullable String checkedNote(@Nullable String note, boolean required) {
    String text = blankToNull(note);
    if (text == null && required) {
      throw SuishenException.badInput("status.manual.note-required");
    }
    if (text != null && text.length() > NOTE_MAX_LENGTH) {
      throw SuishenException.badInput("status.manual.note-too-long", NOTE_MAX_LENGTH);
    }
    return text;
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
