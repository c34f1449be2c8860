package org.suishen.appeals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.AppealUpheld;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.citizen.IdentityRecoveries;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.paging.Keyset;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.HealthStatuses;

/**
 * The reviewers' side: the queue, the decided appeals (each row an audited read), opening an appeal
 * (an audited read of the person's data), claiming and handing back, consultation notes, and the
 * decision. Every change is audited in the same transaction; an upheld appeal publishes {@link
 * AppealUpheld} so that the colour or name is corrected at once, and an upheld identity appeal
 * moves the identity to the appellant's account in the decision's own transaction.
 */
@Service
public class AppealReview {

  static final String REVIEW_REASON = "appeal review";

  private final JdbcAppeals appeals;
  private final DecisionPolicy decisions;
  private final ConsultationPolicy consultations;
  private final AppealsProperties properties;
  private final PopulationRegister register;
  private final HealthStatuses statuses;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final IdentityRecoveries recoveries;
  private final Clock clock;

  AppealReview(
      JdbcAppeals appeals,
      DecisionPolicy decisions,
      ConsultationPolicy consultations,
      AppealsProperties properties,
      PopulationRegister register,
      HealthStatuses statuses,
      AuditTrail audit,
      ApplicationEventPublisher events,
      IdentityRecoveries recoveries,
      Clock clock) {
    this.appeals = appeals;
    this.decisions = decisions;
    this.consultations = consultations;
    this.properties = properties;
    this.register = register;
    this.statuses = statuses;
    this.audit = audit;
    this.events = events;
    this.recoveries = recoveries;
    this.clock = clock;
  }

  /** How many appeals wait for a decision (submitted or in review). */
  @Transactional(readOnly = true)
  public long openCount() {
    return appeals.openCount();
  }

  /** Open appeals, oldest first; lists no personal data. */
  @Transactional(readOnly = true)
  public ReviewQueue queue() {
    return new ReviewQueue(
        appeals.queue(properties.queueSize()), appeals.openCount(), Instant.now(clock));
  }

  /**
   * Decided appeals, newest decision first, a page at a time. Unlike the queue, each row names the
   * person (masked), so each row shown is a read audited for its person ({@code
   * appeals.appeal.listed}), as opening the appeal is.
   */
  @Transactional
  public AppealHistory history(HistoryQuery query, Actor reviewer) {
    var rows = appeals.decided(query);
    var page = rows.size() > query.limit() ? rows.subList(0, query.limit()) : rows;
    var entries =
        page.stream()
            .map(
                row -> {
                  var person = register.find(row.personId());
                  audit.record(
                      new AuditEvent(
                          reviewer,
                          "appeals.appeal.listed",
                          row.personId(),
                          REVIEW_REASON,
                          "appeal=" + row.id() + " kind=" + row.kind() + " list=decided"));
                  return new DecidedAppeal(
                      row.id(),
                      row.kind(),
                      row.outcome(),
                      person.map(p -> p.maskedName()).orElse(null),
                      person.map(p -> p.maskedDocumentNumber()).orElse(null),
                      row.decidedBy(),
                      row.decidedAt());
                })
            .toList();
    String next =
        rows.size() > query.limit()
            ? new Keyset(page.getLast().decidedAt(), page.getLast().id()).token()
            : null;
    return new AppealHistory(entries, next);
  }

  /** The appeal with the person's data needed to decide: a read audited for the person. */
  @Transactional
  public ReviewCase open(UUID appealId, Actor reviewer) {
    Appeal appeal = find(appealId);
    var person =
        register
            .find(appeal.personId())
            .map(
                p ->
                    ReviewedPerson.of(
                        p, appeal.kind() != AppealKind.WRONG_COLOUR, LocalDate.now(clock)))
            .orElse(null);
    var status = statuses.current(appeal.personId());
    audit.record(
        new AuditEvent(
            reviewer, "appeals.appeal.read", appeal.personId(), REVIEW_REASON, detail(appeal)));
    return new ReviewCase(
        appeal,
        person,
        status,
        appeals.consultations(appealId),
        appeals.evidence(appealId),
        properties.minimumConsultations(),
        identityAccounts(appeal));
  }

  private ReviewCase.@Nullable IdentityAccounts identityAccounts(Appeal appeal) {
    UUID appellant = appeal.appellantAccount();
    if (appellant == null) {
      return null;
    }
    return new ReviewCase.IdentityAccounts(
        recoveries.maskedPhoneOf(appellant).orElse(null),
        recoveries.holderOf(appeal.personId()).orElse(null));
  }

  /** The reviewer takes the appeal (SUBMITTED -> IN_REVIEW). */
  @Transactional
  public Appeal claim(UUID appealId, Actor reviewer) {
    Appeal appeal = lock(appealId);
    Appeal claimed = appeal.claim(reviewer.toString(), Instant.now(clock));
    if (claimed != appeal) {
      appeals.update(claimed);
      audit.record(
          new AuditEvent(
              reviewer,
              "appeals.appeal.claimed",
              appeal.personId(),
              REVIEW_REASON,
              detail(appeal)));
    }
    return claimed;
  }

  /** The reviewer hands the appeal back to the queue (IN_REVIEW -> SUBMITTED). */
  @Transactional
  public Appeal release(UUID appealId, Actor reviewer) {
    Appeal released = lock(appealId).release(reviewer.toString());
    appeals.update(released);
    audit.record(
        new AuditEvent(
            reviewer,
            "appeals.appeal.released",
            released.personId(),
            REVIEW_REASON,
            detail(released)));
    return released;
  }

  /** Records a consultation with a department concerned; only the reviewer holding the appeal. */
  @Transactional
  public Consultation consult(UUID appealId, Actor reviewer, ConsultationRequest request) {
    Appeal appeal = lock(appealId);
    appeal.requireHeldBy(reviewer.toString());
    Consultation note =
        consultations.check(request, appeal, reviewer.toString(), Instant.now(clock));
    appeals.insert(note);
    audit.record(
        new AuditEvent(
            reviewer,
            "appeals.consultation.recorded",
            appeal.personId(),
            REVIEW_REASON,
            detail(appeal) + " consultation=" + note.id()));
    return note;
  }

  /**
   * Upholds or rejects the appeal (IN_REVIEW -> UPHELD | REJECTED). Upholding publishes {@link
   * AppealUpheld} in the same transaction.
   */
  @Transactional
  public Appeal decide(UUID appealId, Actor reviewer, DecisionRequest request) {
    Appeal appeal = lock(appealId);
    appeal.requireHeldBy(reviewer.toString());
    Instant now = Instant.now(clock);
    Decision decision = decisions.check(request, appeal.kind(), reviewer.toString(), now);
    Appeal decided =
        appeal.decide(
            decision, appeals.consultationCount(appealId), properties.minimumConsultations());
    appeals.update(decided);
    String detail =
        detail(decided)
            + (decision.correctedColour() == null
                ? ""
                : " corrected-colour=" + decision.correctedColour());
    audit.record(
        new AuditEvent(
            reviewer,
            decision.outcome() == Outcome.UPHELD
                ? "appeals.appeal.upheld"
                : "appeals.appeal.rejected",
            decided.personId(),
            REVIEW_REASON,
            detail));
    if (decision.outcome() == Outcome.UPHELD) {
      UUID appellant = decided.appellantAccount();
      if (appellant != null) {
        // in this transaction: refused (the appellant's account took another identity
        // meanwhile), the decision is not taken either
        recoveries.recoverAfterAppeal(
            decided.personId(), appellant, reviewer, "appeal=" + decided.id());
      }
      events.publishEvent(
          new AppealUpheld(
              decided.id(),
              decided.personId(),
              decided.kind(),
              decision.correctedColour(),
              decision.correctedName(),
              reviewer,
              now));
    }
    return decided;
  }

  /** An evidence file of the appeal: a read audited for the person. */
  @Transactional
  public EvidenceContent evidence(UUID appealId, UUID fileId, Actor reviewer) {
    Appeal appeal = find(appealId);
    var content =
        appeals
            .evidenceContent(appealId, fileId)
            .orElseThrow(() -> SuishenException.notFound("appeals.evidence.not-found"));
    var purgedAt = content.file().purgedAt();
    if (purgedAt != null) {
      // nothing of the person is read: not audited
      throw EvidencePurged.of(purgedAt, clock.getZone());
    }
    audit.record(
        new AuditEvent(
            reviewer,
            "appeals.evidence.read",
            appeal.personId(),
            REVIEW_REASON,
            detail(appeal) + " file=" + fileId));
    return content;
  }

  private Appeal find(UUID appealId) {
    return appeals.find(appealId).orElseThrow(() -> SuishenException.notFound("appeals.not-found"));
  }

  private Appeal lock(UUID appealId) {
    return appeals.lock(appealId).orElseThrow(() -> SuishenException.notFound("appeals.not-found"));
  }

  private static String detail(Appeal appeal) {
    return "appeal=" + appeal.id() + " kind=" + appeal.kind() + " state=" + appeal.state();
  }
}
