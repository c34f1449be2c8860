package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantBound;
import org.suishen.dependants.ProxyAudit;
import org.suishen.dependants.RemovalCause;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Reviewers (role APPEAL_REVIEWER) look at uploaded household-register pages and approve or reject
 * the pending applications, oldest first; they may also remove a binding. Reading a binding or its
 * evidence is audited.
 */
@Service
public class BindingReview {

  /** The longest reason a reviewer may give. */
  public static final int MAX_REASON = 500;

  private final PopulationRegister register;
  private final BindingStore store;
  private final DependantEligibility eligibility;
  private final BindingRemoval removal;
  private final DependantsProperties properties;
  private final ProxyAudit audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BindingReview(
      PopulationRegister register,
      BindingStore store,
      DependantEligibility eligibility,
      BindingRemoval removal,
      DependantsProperties properties,
      ProxyAudit audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.register = register;
    this.store = store;
    this.eligibility = eligibility;
    this.removal = removal;
    this.properties = properties;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** How many applications wait for a reviewer. */
  @Transactional(readOnly = true)
  public long pendingCount() {
    return store.countPending();
  }

  /** The oldest pending applications (both people masked). */
  @Transactional(readOnly = true)
  public ReviewQueue queue() {
    LocalDate today = LocalDate.now(clock);
    var items =
        store.pending(properties.reviewPageSize()).stream()
            .map(b -> item(b, today, store.storedEvidence(b.id())))
            .toList();
    return new ReviewQueue(store.countPending(), items);
  }

  /** One binding, audited as read by the reviewer. */
  @Transactional
  public ReviewItem read(Actor reviewer, UUID bindingId) {
    Binding binding = find(bindingId);
    audit.record(reviewer, AuditActions.REVIEWED, binding.dependant(), "review", binding.holder());
    return item(binding, LocalDate.now(clock), store.storedEvidence(bindingId));
  }

  /** The uploaded page of a binding, audited as read by the reviewer. */
  @Transactional
  public EvidenceFile evidence(Actor reviewer, UUID bindingId) {
    Binding binding = find(bindingId);
    StoredEvidence stored = store.storedEvidence(bindingId);
    if (stored == null) {
      throw SuishenException.notFound("dependants.evidence-not-found");
    }
    if (stored.purgedAt() != null) {
      // nothing of the person is read: not audited
      throw EvidencePurged.of(stored.purgedAt(), clock.getZone());
    }
    EvidenceFile file =
        store
            .evidence(bindingId)
            .orElseThrow(() -> SuishenException.notFound("dependants.evidence-not-found"));
    audit.record(
        reviewer, AuditActions.EVIDENCE_READ, binding.dependant(), "review", binding.holder());
    return file;
  }

  /**
   * Approves or rejects a pending application. A rejection needs a reason (shown to the holder); an
   * approval re-checks that the dependant is still eligible today.
   */
  @Transactional
  public ReviewItem decide(
      Actor reviewer, UUID bindingId, boolean approve, @Nullable String reason) {
    String text = reason(reason, !approve);
    Binding binding = find(bindingId);
    if (binding.state() != BindingState.PENDING) {
      throw SuishenException.conflict("dependants.not-pending");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (approve) {
      var dependant =
          register
              .find(binding.dependant())
              .orElseThrow(() -> SuishenException.conflict("dependants.no-longer-eligible"));
      if (eligibility.kindOn(dependant, LocalDate.ofInstant(now, clock.getZone())).isEmpty()) {
        throw SuishenException.conflict("dependants.no-longer-eligible");
      }
    }
    if (!store.decide(bindingId, approve, now, reviewer.toString(), text)) {
      throw SuishenException.conflict("dependants.not-pending");
    }
    audit.record(
        reviewer,
        approve ? AuditActions.APPROVED : AuditActions.REJECTED,
        binding.dependant(),
        approve ? "evidence-accepted" : "evidence-refused",
        binding.holder());
    if (approve) {
      events.publishEvent(
          new DependantBound(binding.id(), binding.holder(), binding.dependant(), now));
    }
    return item(
        store.find(bindingId).orElseThrow(),
        LocalDate.ofInstant(now, clock.getZone()),
        store.storedEvidence(bindingId));
  }

  /** A reviewer removes a pending or approved binding, with a reason (shown to the holder). */
  @Transactional
  public ReviewItem remove(Actor reviewer, UUID bindingId, @Nullable String reason) {
    String text = reason(reason, true);
    Binding ended = removal.end(find(bindingId), reviewer, "reviewer", text, RemovalCause.REVIEWER);
    return item(ended, LocalDate.now(clock), store.storedEvidence(bindingId));
  }

  private Binding find(UUID bindingId) {
    return store
        .find(bindingId)
        .orElseThrow(() -> SuishenException.notFound("dependants.binding-not-found"));
  }

  private static @Nullable String reason(@Nullable String reason, boolean required) {
    String text = reason == null ? "" : reason.strip();
    if (text.length() > MAX_REASON) {
      throw SuishenException.badInput("dependants.reason-too-long", MAX_REASON);
    }
    if (text.isEmpty()) {
      if (required) {
        throw SuishenException.badInput("dependants.reason-required");
      }
      return null;
    }
    return text;
  }

  private ReviewItem item(Binding b, LocalDate today, @Nullable StoredEvidence evidence) {
    return new ReviewItem(b, summary(b.holder(), today), summary(b.dependant(), today), evidence);
  }

  private PersonSummary summary(UUID personId, LocalDate today) {
    return register
        .find(personId)
        .map(p -> PersonSummary.of(p, today))
        .orElseGet(() -> PersonSummary.unknown(personId));
  }
}
