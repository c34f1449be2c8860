package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Dependants;
import org.suishen.dependants.HolderAndDependant;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;

/**
 * The published {@link Dependants} API over the binding store. A minor binding of a dependant who
 * has come of age (and has no other ground) gives no proxy from their birthday on, even before the
 * coming-of-age job has ended it.
 */
@Service
class DependantsDirectory implements Dependants {

  private final BindingStore store;
  private final PopulationRegister register;
  private final ComingOfAge comingOfAge;
  private final DependantsProperties properties;
  private final Clock clock;

  DependantsDirectory(
      BindingStore store,
      PopulationRegister register,
      ComingOfAge comingOfAge,
      DependantsProperties properties,
      Clock clock) {
    this.store = store;
    this.register = register;
    this.comingOfAge = comingOfAge;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isBound(UUID holderPersonId, UUID dependantPersonId) {
    return approved(holderPersonId, dependantPersonId).filter(b -> !cameOfAge(b)).isPresent();
  }

  @Override
  @Transactional(readOnly = true)
  public Binding requireBinding(UUID holderPersonId, UUID dependantPersonId) {
    var binding =
        approved(holderPersonId, dependantPersonId)
            .orElseThrow(() -> SuishenException.forbidden("dependants.not-bound"));
    if (cameOfAge(binding)) {
      throw SuishenException.forbidden("dependants.came-of-age", properties.minorAgeLimit());
    }
    return binding;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<HolderAndDependant> standing(Collection<HolderAndDependant> pairs) {
    LocalDate today = LocalDate.now(clock);
    var standing = new HashSet<HolderAndDependant>();
    for (var approved : store.approvedAmong(pairs)) {
      Binding binding = approved.binding();
      boolean minorByCopy =
          binding.kind() == DependantKind.MINOR
              && approved.dependantBornOn() != null
              && !comingOfAge.ofAge(approved.dependantBornOn(), today);
      if (minorByCopy || !cameOfAge(binding)) {
        standing.add(new HolderAndDependant(binding.holder(), binding.dependant()));
      }
    }
    return standing;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Binding> of(UUID holderPersonId) {
    return store.activeOf(holderPersonId);
  }

  private Optional<Binding> approved(UUID holder, UUID dependant) {
    return store.findActive(holder, dependant).filter(b -> b.state() == BindingState.APPROVED);
  }

  /** A minor binding whose dependant is of age today with no other ground (register's data). */
  private boolean cameOfAge(Binding binding) {
    if (binding.kind() != DependantKind.MINOR) {
      return false;
    }
    LocalDate today = LocalDate.now(clock);
    return register
        .find(binding.dependant())
        .map(p -> comingOfAge.of(p, today).outcome() == ComingOfAge.Outcome.LAPSES)
        .orElse(false);
  }
}
