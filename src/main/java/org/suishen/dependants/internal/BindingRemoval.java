package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantUnbound;
import org.suishen.dependants.ProxyAudit;
import org.suishen.dependants.RemovalCause;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * Bindings end (MISSION R3): the holder withdraws or removes one, a reviewer removes one, or the
 * dependant comes of age. Each end is audited with both people; the end of an approved binding
 * publishes {@link DependantUnbound}.
 */
@Service
public class BindingRemoval {

  private final BindingStore store;
  private final ProxyAudit audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BindingRemoval(
      BindingStore store, ProxyAudit audit, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The holder withdraws the pending application for the dependant or removes the approved binding:
   * the holder's current binding of that dependant ({@link BindingStore#current}). {@code
   * dependants.binding-not-found} (404) if the holder never applied for them, {@code
   * dependants.not-active} (409) if the current binding has already ended.
   */
  @Transactional
  public Binding remove(CitizenPrincipal citizen, UUID dependantId) {
    UUID holderId = Holders.of(citizen);
    Binding binding =
        store
            .current(holderId, dependantId)
            .orElseThrow(() -> SuishenException.notFound("dependants.binding-not-found"));
    return end(binding, Holders.actor(citizen), "holder", null, RemovalCause.HOLDER);
  }

  /** Ends a pending or approved binding; publishes {@link DependantUnbound} if it was approved. */
  Binding end(
      Binding binding,
      Actor actor,
      String auditReason,
      @Nullable String reason,
      RemovalCause cause) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    boolean reviewer = cause == RemovalCause.REVIEWER;
    if (!binding.state().active()
        || !store.remove(binding.id(), binding.state(), now, actor.toString(), reason, cause)) {
      throw SuishenException.conflict("dependants.not-active");
    }
    audit.record(actor, AuditActions.REMOVED, binding.dependant(), auditReason, binding.holder());
    if (binding.state() == BindingState.APPROVED) {
      events.publishEvent(
          new DependantUnbound(binding.id(), binding.holder(), binding.dependant(), now, reviewer));
    }
    return store.find(binding.id()).orElseThrow();
  }
}
