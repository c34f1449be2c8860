package org.suishen.healthcode.internal.code;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.suishen.healthcode.CodeIssuanceGate;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;

/** The person's own live code (H3, H4): issued fresh on every request, never cached. */
@Service
public class LiveCodes {

  private final DefaultCodeTokens tokens;
  private final CodeIssuanceGate gate;
  private final PopulationRegister register;
  private final HealthStatuses statuses;
  private final PersonPhotos photos;
  private final HealthCodeProperties properties;

  LiveCodes(
      DefaultCodeTokens tokens,
      CodeIssuanceGate gate,
      PopulationRegister register,
      HealthStatuses statuses,
      PersonPhotos photos,
      HealthCodeProperties properties) {
    this.tokens = tokens;
    this.gate = gate;
    this.register = register;
    this.statuses = statuses;
    this.photos = photos;
    this.properties = properties;
  }

  public LiveCode issueFor(CitizenPrincipal citizen) {
    Person person = personOf(citizen);
    // one read for the permission and the fever-clinic advice
    var admission =
        gate.admit(person.id())
            .orElseThrow(() -> SuishenException.forbidden("healthcode.declaration-required"));
    HealthStatus status = statuses.current(person.id());
    // one look into the photo library: the code's snapshot and the card say the same
    MaskedIdentity identity = MaskedIdentity.of(person, photos);
    var code =
        tokens.issue(
            CodeType.LIVE, person.id(), identity, null, properties.liveValidity(), status.colour());
    return new LiveCode(
        code,
        status,
        person.maskedName(),
        properties.refreshAfter(),
        properties.clockSkew(),
        admission.feverClinicAdvice(),
        Boolean.TRUE.equals(identity.photoOnFile()));
  }

  /** The registered person behind the account, if the issuance rule allows them a code. */
  public Person eligiblePersonOf(CitizenPrincipal citizen) {
    Person person = personOf(citizen);
    if (!gate.mayReceiveHealthCode(person.id())) {
      throw SuishenException.forbidden("healthcode.declaration-required");
    }
    return person;
  }

  /** The registered person behind the citizen's account. */
  public Person personOf(CitizenPrincipal citizen) {
    UUID personId = citizen.personId();
    if (personId == null) {
      throw SuishenException.forbidden("healthcode.not-registered");
    }
    return register
        .find(personId)
        .orElseThrow(() -> SuishenException.notFound("healthcode.person-unknown"));
  }
}
