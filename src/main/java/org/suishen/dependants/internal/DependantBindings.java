package org.suishen.dependants.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantBound;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.ProxyAudit;
import org.suishen.dependants.Relationship;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.limits.PersonWrite;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * A citizen binds a dependant (MISSION R1-R2). Every refusal is thrown before anything is written,
 * except the record of a failed attempt that counts towards the attempt limit. Listing is {@link
 * DependantList}, ending a binding {@link BindingRemoval}.
 */
@Service
public class DependantBindings {

  private final PopulationRegister register;
  private final BindingStore store;
  private final DependantEligibility eligibility;
  private final EvidencePolicy evidencePolicy;
  private final DependantsProperties properties;
  private final BindingAttempts attempts;
  private final ProxyAudit audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  private final PersonWriteLimits writeLimits;

  DependantBindings(
      PersonWriteLimits writeLimits,
      PopulationRegister register,
      BindingStore store,
      DependantEligibility eligibility,
      EvidencePolicy evidencePolicy,
      DependantsProperties properties,
      BindingAttempts attempts,
      ProxyAudit audit,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.writeLimits = writeLimits;
    this.register = register;
    this.store = store;
    this.eligibility = eligibility;
    this.evidencePolicy = evidencePolicy;
    this.properties = properties;
    this.attempts = attempts;
    this.audit = audit;
    this.events = events;
    this.transaction = transaction;
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
    UUID holderId = Holders.of(citizen);
    IdentityDocument document = document(claim);
    String name = name(claim);
    Relationship relationship = relationship(claim.relationship());
    Attempt attempt =
        Objects.requireNonNull(
            transaction.execute(
                status -> attempt(citizen, holderId, document, name, relationship, upload)));
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
      Relationship relationship,
      @Nullable EvidenceUpload upload) {
    store.lockHolder(holderId);
    Instant now = now();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    attempts.requireAttemptsLeft(holderId, now);
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
      if (attempts.recordIfCounted(holderId, now, e.code())) {
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
            relationship,
            sameHousehold ? Evidence.HOUSEHOLD_REGISTER : Evidence.UPLOADED_PAGE,
            sameHousehold ? BindingState.APPROVED : BindingState.PENDING,
            now,
            sameHousehold ? now : null,
            null,
            null,
            null);
    writeLimits.count(holderId, PersonWrite.BINDING_REQUEST);
    Actor actor = Holders.actor(citizen);
    store.insert(binding, actor.toString(), file, dependant.birthDate());
    if (sameHousehold) {
      audit.record(actor, AuditActions.APPROVED, dependant.id(), "household-register", holderId);
      events.publishEvent(new DependantBound(binding.id(), holderId, dependant.id(), now));
    } else {
      audit.record(actor, AuditActions.REQUESTED, dependant.id(), "evidence-uploaded", holderId);
    }
    return new Attempt(new DependantRow(binding, PersonSummary.of(dependant, today), false), null);
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

  /**
   * Required of every new application (bad input like a missing name: refused before the register
   * is asked, not counted towards the attempt limit).
   */
  private static Relationship relationship(@Nullable String value) {
    return Relationship.find(value)
        .orElseThrow(() -> SuishenException.badInput("dependants.relationship"));
  }

  private static DocumentType documentType(@Nullable String value) {
    return DocumentType.find(value)
        .orElseThrow(() -> SuishenException.badInput("dependants.document-type"));
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
