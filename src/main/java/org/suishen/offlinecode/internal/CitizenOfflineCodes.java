package org.suishen.offlinecode.internal;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suishen.dependants.Dependants;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * The portal (O3): a logged-in citizen applies for their own offline code or for a relative bound
 * to them as a dependant (a standing binding, checked before the register is read).
 */
@Service
public class CitizenOfflineCodes {

  private final OfflineCodes codes;
  private final PopulationRegister register;
  private final Dependants dependants;

  CitizenOfflineCodes(OfflineCodes codes, PopulationRegister register, Dependants dependants) {
    this.codes = codes;
    this.register = register;
    this.dependants = dependants;
  }

  /** Who the operation is for, and the family member acting for them (null: themself). */
  public record For(Person person, @Nullable UUID holder) {}

  /** The citizen themself, or (with {@code dependantId}) a dependant bound to them. */
  public For resolve(CitizenPrincipal citizen, @Nullable UUID dependantId) {
    UUID self = citizen.personId();
    if (self == null) {
      throw SuishenException.forbidden("offlinecode.not-registered");
    }
    if (dependantId == null) {
      return new For(find(self), null);
    }
    dependants.requireBinding(self, dependantId);
    return new For(find(dependantId), self);
  }

  public Optional<OfflineCredential> latest(For who) {
    return codes.latest(who.person());
  }

  public OfflineCode apply(For who, CitizenPrincipal citizen) {
    return codes.apply(who.person(), Channel.PORTAL, actor(citizen), who.holder());
  }

  public OfflineCode reapply(For who, CitizenPrincipal citizen) {
    return codes.reapply(who.person(), Channel.PORTAL, actor(citizen), who.holder());
  }

  public OfflineCredential reportLost(For who, CitizenPrincipal citizen) {
    return codes.reportLost(who.person(), actor(citizen), who.holder());
  }

  public OfflineCode reprint(For who, CitizenPrincipal citizen) {
    return codes.reprint(who.person(), actor(citizen), who.holder());
  }

  private static Actor actor(CitizenPrincipal citizen) {
    return Actor.citizen(citizen.accountId().toString());
  }

  private Person find(UUID personId) {
    return register
        .find(personId)
        .orElseThrow(() -> SuishenException.notFound("offlinecode.person-unknown"));
  }
}
