package org.suishen.natcode.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.dependants.Dependants;
import org.suishen.dependants.Relationship;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * Who a citizen may act for: themselves once registered, and the dependants they have an approved
 * binding to (R3: no binding, no proxy). The binding is checked before the register is read, so a
 * citizen learns nothing about people they are not bound to.
 */
@Component
public class Family {

  private final PopulationRegister register;
  private final Dependants dependants;

  Family(PopulationRegister register, Dependants dependants) {
    this.register = register;
    this.dependants = dependants;
  }

  /** The registered person behind the citizen's account. */
  public Person self(CitizenPrincipal citizen) {
    UUID personId = citizen.personId();
    if (personId == null) {
      throw SuishenException.forbidden("natcode.not-registered");
    }
    return find(personId);
  }

  /** A dependant the holder is bound to; {@code dependants.not-bound} (403) otherwise. */
  public Person dependantOf(Person holder, UUID dependantId) {
    return boundDependantOf(holder, dependantId).person();
  }

  /**
   * Like {@link #dependantOf}, with who the dependant is to the holder (for the pages that name
   * them).
   */
  public BoundDependant boundDependantOf(Person holder, UUID dependantId) {
    var binding = dependants.requireBinding(holder.id(), dependantId);
    return new BoundDependant(find(dependantId), binding.relationship());
  }

  /**
   * A dependant and who they are to the holder.
   *
   * @param relationship as stated when binding; {@code null} for bindings applied for before it was
   *     asked
   */
  public record BoundDependant(Person person, @Nullable Relationship relationship) {}

  private Person find(UUID personId) {
    return register
        .find(personId)
        .orElseThrow(() -> SuishenException.notFound("natcode.person-unknown"));
  }
}
