package org.suishen.proxycode;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Binding;
import org.suishen.dependants.Dependants;
import org.suishen.dependants.ProxyAudit;
import org.suishen.healthcode.CodeIssuanceGate;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.proxycode.internal.ProxyCodeProperties;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.status.HealthStatuses;

/**
 * Proxy codes (亲属随申码, R4): a family member with a standing binding is shown the dependant's live
 * code, freshly signed on every request (valid {@code suishen.proxycode.validity}), naming both
 * people. Every showing is audited with both. The dependant's own live code and NAT code are not
 * touched: a proxy code uses the dependant's person reference like the live code does, and nothing
 * is voided. The binding is checked before the register is read, so a citizen learns nothing about
 * people they are not bound to (R3).
 */
@Service
public class ProxyCodes {

  /** A family member was shown (issued) a dependant's proxy code. */
  static final String SHOWN = "natcode.proxy-code.shown";

  /** The dependant's photo was shown with their proxy code on the holder's phone (H3). */
  static final String PHOTO_SHOWN = "natcode.proxy-photo.shown";

  private final PopulationRegister register;
  private final Dependants dependants;
  private final CodeTokens tokens;
  private final HealthStatuses statuses;
  private final CodeIssuanceGate gate;
  private final PersonPhotos photos;
  private final ProxyAudit audit;
  private final ProxyCodeProperties properties;

  ProxyCodes(
      PopulationRegister register,
      Dependants dependants,
      CodeTokens tokens,
      HealthStatuses statuses,
      CodeIssuanceGate gate,
      PersonPhotos photos,
      ProxyAudit audit,
      ProxyCodeProperties properties) {
    this.register = register;
    this.dependants = dependants;
    this.tokens = tokens;
    this.statuses = statuses;
    this.gate = gate;
    this.photos = photos;
    this.audit = audit;
    this.properties = properties;
  }

  /** Issues the dependant's proxy code for the holder's phone; audited with both people. */
  @Transactional
  public ProxyCode show(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = holder(citizen);
    Binding binding = dependants.requireBinding(holder.id(), dependantId);
    Person dependant = find(dependantId);
    // the dependant's own issuance rule (H1) applies to a code shown for them as well; a holder's
    // declaration for the dependant is the dependant's declaration
    if (!declared(dependant)) {
      throw SuishenException.forbidden("proxycode.declaration-required");
    }
    var status = statuses.current(dependant.id());
    var code =
        tokens.issue(
            CodeType.PROXY, dependant.id(), holder.id(), properties.validity(), status.colour());
    audit.record(actor(citizen), SHOWN, dependant.id(), "shown", holder.id());
    return new ProxyCode(
        code,
        status.colour(),
        dependant.maskedName(),
        binding.relationship(),
        holder.maskedName(),
        status.redeclareNotice(),
        properties.refreshAfter());
  }

  /**
   * The dependant's photo for their proxy code (H3: staff match face and code), to a holder with a
   * standing binding only; audited with both people like the code itself.
   */
  @Transactional
  public PersonPhotos.PersonPhoto photo(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = holder(citizen);
    Person dependant = dependantOf(holder, dependantId);
    audit.record(actor(citizen), PHOTO_SHOWN, dependant.id(), "shown", holder.id());
    return photos.photoOf(dependant);
  }

  /**
   * What the proxy page says before its script asks for the code: who the dependant is to the
   * holder, and whether they have declared (themselves, or a holder for them), so that a proxy code
   * can be shown; the page offers the declaration form otherwise. Refuses like {@link
   * #requireHolder} first. Nothing of the dependant's data is shown, so nothing is audited here.
   */
  @Transactional(readOnly = true)
  public ProxyDependant dependant(CitizenPrincipal citizen, UUID dependantId) {
    Binding binding = dependants.requireBinding(holder(citizen).id(), dependantId);
    return new ProxyDependant(binding.relationship(), declared(find(dependantId)));
  }

  private boolean declared(Person dependant) {
    return gate.mayReceiveHealthCode(dependant.id());
  }

  /**
   * Refuses unless the citizen may be shown the dependant's proxy code (the page, before its script
   * asks for the code): {@code proxycode.not-registered}, {@code dependants.not-bound}, {@code
   * dependants.came-of-age} (403).
   */
  @Transactional(readOnly = true)
  public void requireHolder(CitizenPrincipal citizen, UUID dependantId) {
    dependants.requireBinding(holderId(citizen), dependantId);
  }

  /** How often the proxy code page fetches a new code. */
  public java.time.Duration refreshAfter() {
    return properties.refreshAfter();
  }

  private Person holder(CitizenPrincipal citizen) {
    return find(holderId(citizen));
  }

  private static UUID holderId(CitizenPrincipal citizen) {
    UUID personId = citizen.personId();
    if (personId == null) {
      throw SuishenException.forbidden("proxycode.not-registered");
    }
    return personId;
  }

  /** A dependant the holder is bound to; {@code dependants.not-bound} (403) otherwise. */
  private Person dependantOf(Person holder, UUID dependantId) {
    dependants.requireBinding(holder.id(), dependantId);
    return find(dependantId);
  }

  private Person find(UUID personId) {
    return register
        .find(personId)
        .orElseThrow(() -> SuishenException.notFound("proxycode.person-unknown"));
  }

  private static Actor actor(CitizenPrincipal citizen) {
    return Actor.citizen(citizen.accountId().toString());
  }
}
