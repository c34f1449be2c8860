package org.suishen.natcode.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.healthcode.CodeIssuanceGate;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.identity.Person;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.status.HealthStatuses;

/**
 * Proxy codes (亲属随申码, R4): a family member with an approved binding is shown the dependant's live
 * code, freshly signed on every request (valid {@code suishen.natcode.proxy.validity}), naming both
 * people. Every showing is audited with both. The dependant's own live code and NAT code are not
 * touched: a proxy code uses the dependant's person reference like the live code does, and nothing
 * is voided.
 */
@Service
public class ProxyCodes {

  private final Family family;
  private final CodeTokens tokens;
  private final HealthStatuses statuses;
  private final CodeIssuanceGate gate;
  private final FamilyAudit audit;
  private final NatCodeProperties properties;
  private final PersonPhotos photos;

  ProxyCodes(
      Family family,
      CodeTokens tokens,
      HealthStatuses statuses,
      CodeIssuanceGate gate,
      FamilyAudit audit,
      NatCodeProperties properties,
      PersonPhotos photos) {
    this.family = family;
    this.tokens = tokens;
    this.statuses = statuses;
    this.gate = gate;
    this.audit = audit;
    this.properties = properties;
    this.photos = photos;
  }

  /**
   * The dependant's photo for their proxy code (H3: staff match face and code), to a holder with a
   * standing binding only; audited with both people like the code itself.
   */
  @Transactional
  public PersonPhotos.PersonPhoto photo(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = family.self(citizen);
    Person dependant = family.dependantOf(holder, dependantId);
    audit.record(
        Actor.citizen(citizen.accountId().toString()),
        FamilyAudit.PROXY_PHOTO_SHOWN,
        dependant.id(),
        "shown",
        holder.id());
    return photos.photoOf(dependant);
  }

  /**
   * Whether the bound dependant has declared (themselves, or a holder for them), so that a proxy
   * code can be shown; the proxy page offers the declaration form otherwise.
   */
  public boolean declared(CitizenPrincipal citizen, UUID dependantId) {
    return declared(family.dependantOf(family.self(citizen), dependantId));
  }

  @Transactional
  public ProxyCode show(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = family.self(citizen);
    Person dependant = family.dependantOf(holder, dependantId);
    // the dependant's own issuance rule (H1) applies to a code shown for them as well; a holder's
    // declaration for the dependant is the dependant's declaration
    if (!declared(dependant)) {
      throw SuishenException.forbidden("natcode.proxy.declaration-required");
    }
    var status = statuses.current(dependant.id());
    var code =
        tokens.issue(
            CodeType.PROXY,
            dependant.id(),
            holder.id(),
            properties.proxy().validity(),
            status.colour());
    audit.record(
        Actor.citizen(citizen.accountId().toString()),
        FamilyAudit.PROXY_SHOWN,
        dependant.id(),
        "shown",
        holder.id());
    return new ProxyCode(
        code,
        status.colour(),
        dependant.maskedName(),
        holder.maskedName(),
        status.redeclareNotice(),
        properties.proxy().refreshAfter());
  }

  private boolean declared(Person dependant) {
    return gate.mayReceiveHealthCode(dependant.id());
  }
}
