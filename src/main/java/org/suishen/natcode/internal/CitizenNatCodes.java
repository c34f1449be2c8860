package org.suishen.natcode.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.ProxyAudit;
import org.suishen.dependants.Relationship;
import org.suishen.identity.Person;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * What a signed-in citizen does with NAT codes: their own (N1), and those of bound dependants (N3),
 * each action for a dependant audited with both people.
 */
@Service
public class CitizenNatCodes {

  /** A family member was shown a dependant's NAT code. */
  static final String VIEWED = "natcode.viewed";

  /** A family member downloaded a dependant's printable NAT code. */
  static final String PRINTED = "natcode.printed";

  private final Family family;
  private final NatCodes codes;
  private final NatCodeSheets sheets;
  private final ProxyAudit audit;

  CitizenNatCodes(Family family, NatCodes codes, NatCodeSheets sheets, ProxyAudit audit) {
    this.family = family;
    this.codes = codes;
    this.sheets = sheets;
    this.audit = audit;
  }

  /** One tap, no form: the citizen's new NAT code; earlier ones are void. */
  public NatCode generateOwn(CitizenPrincipal citizen) {
    return codes.generate(family.self(citizen), actor(citizen), null);
  }

  /** A new NAT code for a bound dependant; the dependant's earlier ones are void. */
  public Shown generateFor(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = family.self(citizen);
    Person dependant = family.dependantOf(holder, dependantId);
    return new Shown(dependant, codes.generate(dependant, actor(citizen), holder.id()));
  }

  /** The citizen's current code (possibly expired), or null if none was generated. */
  @Transactional
  public Current own(CitizenPrincipal citizen) {
    Person self = family.self(citizen);
    return new Current(self, null, codes.current(self).orElse(null));
  }

  /** A dependant's current code (possibly expired); the showing is audited. */
  @Transactional
  public Current of(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = family.self(citizen);
    var bound = family.boundDependantOf(holder, dependantId);
    Person dependant = bound.person();
    var code = codes.current(dependant).orElse(null);
    if (code != null) {
      audit.record(actor(citizen), VIEWED, dependant.id(), "shown", holder.id());
    }
    return new Current(dependant, bound.relationship(), code);
  }

  /** The citizen's valid code; {@code natcode.none} (404) if none or expired. */
  @Transactional
  public NatCode validOwn(CitizenPrincipal citizen) {
    return codes.valid(family.self(citizen)).orElseThrow(CitizenNatCodes::none);
  }

  /** A dependant's valid code (audited); {@code natcode.none} (404) if none or expired. */
  @Transactional
  public Shown validOf(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = family.self(citizen);
    Person dependant = family.dependantOf(holder, dependantId);
    var code = codes.valid(dependant).orElseThrow(CitizenNatCodes::none);
    audit.record(actor(citizen), VIEWED, dependant.id(), "shown", holder.id());
    return new Shown(dependant, code);
  }

  /** The citizen's valid code as a printable PDF. */
  @Transactional
  public byte[] printOwn(CitizenPrincipal citizen, SheetSize size) {
    return sheets.render(validOwn(citizen), size);
  }

  /** A dependant's valid code as a printable PDF (audited). */
  @Transactional
  public byte[] printFor(CitizenPrincipal citizen, UUID dependantId, SheetSize size) {
    Person holder = family.self(citizen);
    Person dependant = family.dependantOf(holder, dependantId);
    var code = codes.valid(dependant).orElseThrow(CitizenNatCodes::none);
    audit.record(actor(citizen), PRINTED, dependant.id(), size.name(), holder.id());
    return sheets.render(code, size);
  }

  /** Whether a bound dependant has a valid code (nothing about the dependant is shown). */
  @Transactional
  public boolean hasValidCode(CitizenPrincipal citizen, UUID dependantId) {
    Person holder = family.self(citizen);
    return codes.valid(family.dependantOf(holder, dependantId)).isPresent();
  }

  private static SuishenException none() {
    return SuishenException.notFound("natcode.none");
  }

  private static Actor actor(CitizenPrincipal citizen) {
    return Actor.citizen(citizen.accountId().toString());
  }

  /** A person and their code. */
  public record Shown(Person person, NatCode code) {}

  /**
   * A person and their current code, null if none was ever generated (or all were voided).
   *
   * @param relationship who a dependant is to the holder looking (null for one's own code, and for
   *     bindings applied for before it was asked)
   */
  public record Current(
      Person person,
      @org.jspecify.annotations.Nullable Relationship relationship,
      @org.jspecify.annotations.Nullable NatCode code) {}
}
