package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Binding;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.ProxyAudit;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * The holder's dependants as the holder sees them, masked, one line per dependant: the holder's
 * current binding of each ({@link BindingStore#current}). Every dependant shown is audited as read
 * by the holder.
 */
@Service
public class DependantList {

  private final PopulationRegister register;
  private final BindingStore store;
  private final DependantsProperties properties;
  private final ComingOfAge comingOfAge;
  private final ProxyAudit audit;
  private final Clock clock;

  DependantList(
      PopulationRegister register,
      BindingStore store,
      DependantsProperties properties,
      ComingOfAge comingOfAge,
      ProxyAudit audit,
      Clock clock) {
    this.register = register;
    this.store = store;
    this.properties = properties;
    this.comingOfAge = comingOfAge;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The dependants whose current binding is pending or approved, recently rejected, or recently
   * ended by coming of age (oldest application first).
   */
  @Transactional
  public List<DependantRow> shownTo(CitizenPrincipal citizen) {
    UUID holderId = Holders.of(citizen);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    var actor = Holders.actor(citizen);
    return store
        .shownTo(
            holderId,
            now.minus(properties.rejectionsShownFor()),
            now.minus(properties.comingOfAge().shownFor()))
        .stream()
        .map(
            b -> {
              audit.record(actor, AuditActions.VIEWED, b.dependant(), "holder-list", holderId);
              return row(b, today);
            })
        .toList();
  }

  /**
   * One dependant: the holder's current binding of them, in any state; {@code
   * dependants.binding-not-found} (404) if the holder never applied for them.
   */
  @Transactional
  public DependantRow one(CitizenPrincipal citizen, UUID dependantId) {
    UUID holderId = Holders.of(citizen);
    Binding b =
        store
            .current(holderId, dependantId)
            .orElseThrow(() -> SuishenException.notFound("dependants.binding-not-found"));
    audit.record(
        Holders.actor(citizen), AuditActions.VIEWED, b.dependant(), "holder-read", holderId);
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
}
