package org.suishen.natcode.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.ProxyAudit;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.identity.Person;
import org.suishen.shared.limits.PersonWrite;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.security.Actor;

/**
 * Issues NAT codes (N1, N2): a random credential id, signed into a static token valid {@code
 * suishen.natcode.validity}; generating a new code voids every earlier one of the person in the
 * same transaction. Generation for one person is serialised (advisory lock), so two taps at once
 * still leave exactly one valid code.
 */
@Service
public class NatCodes {

  /** A NAT code was generated (reason {@code generated} or {@code regenerated}: earlier voided). */
  static final String ISSUED = "natcode.issued";

  private final NatCredentialStore store;
  private final CodeTokens tokens;
  private final ProxyAudit audit;
  private final Clock clock;
  private final NatCodeProperties properties;

  private final PersonWriteLimits writeLimits;

  NatCodes(
      PersonWriteLimits writeLimits,
      NatCredentialStore store,
      CodeTokens tokens,
      ProxyAudit audit,
      Clock clock,
      NatCodeProperties properties) {
    this.writeLimits = writeLimits;
    this.store = store;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Generates the person's new NAT code and voids the earlier one.
   *
   * @param holder the family member who generates it for a dependant, or null (the person)
   */
  @Transactional
  public NatCode generate(Person person, Actor actor, @Nullable UUID holder) {
    store.lockPerson(person.id());
    writeLimits.count(person.id(), PersonWrite.NAT_CODE_REGENERATION);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    int voided = store.voidCurrent(person.id(), now);
    UUID credentialId = UUID.randomUUID();
    var code =
        tokens.issueCredential(CodeType.NAT, credentialId, now, now.plus(properties.validity()));
    var credential =
        new NatCredential(
            credentialId,
            person.id(),
            code.issuedAt(),
            code.expiresAt(),
            null,
            code.keyId(),
            person.maskedName(),
            person.maskedDocumentNumber());
    store.insert(credential);
    audit.record(actor, ISSUED, person.id(), voided > 0 ? "regenerated" : "generated", holder);
    return new NatCode(credential, code.token(), voided > 0);
  }

  /**
   * The person's code that has not been voided (it may have expired), with its token. Keeps the
   * masked identity a scan shows in step with the register.
   */
  @Transactional
  public Optional<NatCode> current(Person person) {
    return store
        .current(person.id())
        .map(
            c -> {
              NatCredential shown = c;
              if (!c.maskedName().equals(person.maskedName())
                  || !c.maskedDocument().equals(person.maskedDocumentNumber())) {
                store.refreshIdentity(
                    c.credentialId(), person.maskedName(), person.maskedDocumentNumber());
                shown =
                    new NatCredential(
                        c.credentialId(),
                        c.personId(),
                        c.issuedAt(),
                        c.expiresAt(),
                        null,
                        c.keyId(),
                        person.maskedName(),
                        person.maskedDocumentNumber());
              }
              var token =
                  tokens.issueCredential(
                      CodeType.NAT, c.credentialId(), c.issuedAt(), c.expiresAt());
              return new NatCode(shown, token.token());
            });
  }

  /** The person's code if it is still valid now. */
  public Optional<NatCode> valid(Person person) {
    Instant now = clock.instant();
    return current(person).filter(code -> !code.expiredAt(now));
  }
}
