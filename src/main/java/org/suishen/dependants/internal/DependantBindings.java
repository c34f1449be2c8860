package org.suishen.dependants.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantBound;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.DependantUnbound;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.RemovalCause;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * A citizen binds dependants, lists and removes them (MISSION R1-R3). Every refusal is thrown
 * before anything is written.
 */
@Service
public class DependantBindings {

  private static final DateTimeFormatter RETRY_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PopulationRegister register;
  private final BindingStore store;
  private final DependantEligibility eligibility;
  private final EvidencePolicy evidencePolicy;
  private final DependantsProperties properties;
  private final ProxyAudit audit;
  private final ApplicationEventPublisher events;
  private final BindingAttemptLimit attemptLimit;
  private final BindingFailures failures;
  private final TransactionTemplate transaction;
  private final ComingOfAge comingOfAge;
  private final Clock clock;

  DependantBindings(
      PopulationRegister register,
      BindingStore store,
      DependantEligibility eligibility,
      EvidencePolicy evidencePolicy,
      DependantsProperties properties,
      ProxyAudit audit,
      ApplicationEventPublisher events,
      BindingAttemptLimit attemptLimit,
      BindingFailures failures,
      TransactionTemplate transaction,
      ComingOfAge comingOfAge,
      Clock clock) {
    this.register = register;
    this.store = store;
    this.eligibility = eligibility;
    this.evidencePolicy = evidencePolicy;
    this.properties = properties;
    this.audit = audit;
    this.events = events;
    this.attemptLimit = attemptLimit;
    this.failures = failures;
    this.transaction = transaction;
    this.comingOfAge = comingOfAge;
    this.clock = clock;
  }

  /**
   * Binds the dependant the claim names to the citizen: approved at once when both are in the same
   * household in the register, otherwise pending with the uploaded household-register page. A claim
   * that matches nobody or names someone who may not be bound is a failed attempt: it is recorded,
   * and a holder at the limit of failed attempts is refused (429) before the register is asked.
   * Attempts of one holder are serialised, so parallel requests cannot pass the limit.
   */
  public DependantRow bind(
      CitizenPrincipal citizen, DependantClaim claim, @Nullable EvidenceUpload upload) {
    UUID holderId = holderOf(citizen);
    IdentityDocument document = document(claim);
    String name = name(claim);
    Attempt attempt =
        Objects.requireNonNull(
            transaction.execute(status -> attempt(citizen, holderId, document, name, upload)));
    if (attempt.refusal() != null) {
      throw attempt.refusal();
    }
    return Objects.requireNonNull(attempt.bound());
  }

  /** The outcome of one attempt: bound, or a counted failure (committed, then thrown). */
  private record Attempt(@Nullable DependantRow bound, @Nullable SuishenException refusal) {}

  private Attempt attempt(
      CitizenPrincipal citizen,
      UUID holderId,
      IdentityDocument document,
      String name,
      @Nullable EvidenceUpload upload) {
    store.lockHolder(holderId);
    Instant now = now();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    requireAttemptsLeft(holderId, now);
    Person dependant;
    DependantKind kind;
    try {
      dependant =
          register
              .findByDocument(document)
              .filter(p -> Names.same(name, p.name()))
              .orElseThrow(() -> SuishenException.badInput("dependants.identity-mismatch"));
      kind = eligibility.check(holderId, dependant, today);
    } catch (SuishenException e) {
      if (BindingAttemptLimit.counts(e.code())) {
        failures.record(holderId, now, e.code());
        return new Attempt(null, e);
      }
      throw e;
    }
    Person holder =
        register
            .find(holderId)
            .orElseThrow(() -> SuishenException.forbidden("dependants.holder-unregistered"));
    boolean sameHousehold =
        holder.householdId() != null
            && !holder.householdId().isBlank()
            && holder.householdId().equals(dependant.householdId());
    EvidenceFile file = sameHousehold ? null : evidence(upload);

    store
        .findActive(holderId, dependant.id())
        .ifPresent(
            existing -> {
              throw SuishenException.conflict(
                  existing.state() == BindingState.PENDING
                      ? "dependants.already-pending"
                      : "dependants.already-bound");
            });
    if (store.countActive(holderId) >= properties.limit()) {
      throw SuishenException.conflict("dependants.limit", properties.limit());
    }
    var binding =
        new Binding(
            UUID.randomUUID(),
            holderId,
            dependant.id(),
            kind,
            sameHousehold ? Evidence.HOUSEHOLD_REGISTER : Evidence.UPLOADED_PAGE,
            sameHousehold ? BindingState.APPROVED : BindingState.PENDING,
            now,
            sameHousehold ? now : null,
            null,
            null,
            null);
    Actor actor = Actor.citizen(citizen.accountId().toString());
    store.insert(binding, actor.toString(), file, dependant.birthDate());
    if (sameHousehold) {
      audit.record(actor, ProxyAudit.APPROVED, holderId, dependant.id(), "household-register");
      events.publishEvent(new DependantBound(binding.id(), holderId, dependant.id(), now));
    } else {
      audit.record(actor, ProxyAudit.REQUESTED, holderId, dependant.id(), "evidence-uploaded");
    }
    return new Attempt(new DependantRow(binding, PersonSummary.of(dependant, today), false), null);
  }

  /** Refuses (429) a holder at the limit of failed attempts, naming when to try again. */
  private void requireAttemptsLeft(UUID holderId, Instant now) {
    var until =
        attemptLimit.blockedUntil(failures.since(holderId, attemptLimit.countedAfter(now)), now);
    if (until.isPresent()) {
      throw new BindingAttemptsExhausted(
          RETRY_AT.format(until.get().atZone(clock.getZone())),
          (Duration.between(now, until.get()).toMillis() + 999) / 1000);
    }
  }

  /** The holder withdraws a pending application or removes an approved binding. */
  @Transactional
  public Binding remove(CitizenPrincipal citizen, UUID bindingId) {
    UUID holderId = holderOf(citizen);
    Binding binding =
        store
            .find(bindingId)
            .filter(b -> b.holder().equals(holderId))
            .orElseThrow(() -> SuishenException.notFound("dependants.binding-not-found"));
    Actor actor = Actor.citizen(citizen.accountId().toString());
    return end(binding, actor, "holder", null, RemovalCause.HOLDER);
  }

  /**
   * The holder's pending and approved bindings, recent rejections and recent endings by coming of
   * age, with the dependants masked; each shown dependant is audited as read by the holder.
   */
  @Transactional
  public List<DependantRow> shownTo(CitizenPrincipal citizen) {
    UUID holderId = holderOf(citizen);
    Instant now = now();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    Actor actor = Actor.citizen(citizen.accountId().toString());
    return store
        .shownTo(
            holderId,
            now.minus(properties.rejectionsShownFor()),
            now.minus(properties.comingOfAge().shownFor()))
        .stream()
        .map(
            b -> {
              audit.record(actor, ProxyAudit.VIEWED, holderId, b.dependant(), "holder-list");
              return row(b, today);
            })
        .toList();
  }

  /** One of the holder's bindings (any state), audited as read by the holder. */
  @Transactional
  public DependantRow one(CitizenPrincipal citizen, UUID bindingId) {
    UUID holderId = holderOf(citizen);
    Binding b =
        store
            .find(bindingId)
            .filter(found -> found.holder().equals(holderId))
            .orElseThrow(() -> SuishenException.notFound("dependants.binding-not-found"));
    audit.record(
        Actor.citizen(citizen.accountId().toString()),
        ProxyAudit.VIEWED,
        holderId,
        b.dependant(),
        "holder-read");
    return row(b, LocalDate.now(clock));
  }

  private DependantRow row(Binding b, LocalDate today) {
    var person = register.find(b.dependant());
    boolean cameOfAge =
        b.cameOfAge()
            || (b.state().active()
                && b.kind() == DependantKind.MINOR
                && person
                    .map(p -> comingOfAge.of(p, today).outcome() == ComingOfAge.Outcome.LAPSES)
                    .orElse(false));
    return new DependantRow(
        b,
        person
            .map(p -> PersonSummary.of(p, today))
            .orElseGet(() -> PersonSummary.unknown(b.dependant())),
        cameOfAge);
  }

  /** Ends a pending or approved binding; publishes {@link DependantUnbound} if it was approved. */
  Binding end(
      Binding binding,
      Actor actor,
      String auditReason,
      @Nullable String reason,
      RemovalCause cause) {
    Instant now = now();
    boolean reviewer = cause == RemovalCause.REVIEWER;
    if (!binding.state().active()
        || !store.remove(binding.id(), binding.state(), now, actor.toString(), reason, cause)) {
      throw SuishenException.conflict("dependants.not-active");
    }
    audit.record(actor, ProxyAudit.REMOVED, binding.holder(), binding.dependant(), auditReason);
    if (binding.state() == BindingState.APPROVED) {
      events.publishEvent(
          new DependantUnbound(binding.id(), binding.holder(), binding.dependant(), now, reviewer));
    }
    return store.find(binding.id()).orElseThrow();
  }

  private UUID holderOf(CitizenPrincipal citizen) {
    if (citizen.personId() == null) {
      throw SuishenException.forbidden("dependants.holder-unregistered");
    }
    return citizen.personId();
  }

  private static String name(DependantClaim claim) {
    String name = claim.name() == null ? "" : claim.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw SuishenException.badInput("dependants.name-required");
    }
    return name;
  }

  private static IdentityDocument document(DependantClaim claim) {
    DocumentType type = documentType(claim.documentType());
    name(claim);
    if (claim.documentNumber() == null || claim.documentNumber().isBlank()) {
      throw SuishenException.badInput("dependants.document-number-required");
    }
    return IdentityDocument.of(type, claim.documentNumber());
  }

  private static DocumentType documentType(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw SuishenException.badInput("dependants.document-type");
    }
    try {
      return DocumentType.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("dependants.document-type");
    }
  }

  private EvidenceFile evidence(@Nullable EvidenceUpload upload) {
    if (upload == null || upload.size() == 0) {
      throw SuishenException.badInput("dependants.evidence-required");
    }
    evidencePolicy.checkSize(upload.size());
    try {
      return evidencePolicy.inspect(Objects.requireNonNull(upload.read()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
