package org.suishen.natcode.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.identity.Person;
import org.suishen.natcode.internal.Issuance.Outcome;
import org.suishen.shared.security.Actor;

/**
 * Issues NAT codes (N1, N2): a random credential id, signed into a static token valid {@code
 * suishen.natcode.validity}; storing a new code voids every earlier one of the person in the same
 * transaction. Generation for one person is serialised (advisory lock), so two taps at once still
 * leave exactly one valid code. The signature is made on the caller's thread; storing is done in
 * groups ({@link IssuanceGroups}), or in the caller's transaction if it has one.
 */
@Service
public class NatCodes {

  /** A NAT code was generated (reason {@code generated} or {@code regenerated}: earlier voided). */
  static final String ISSUED = "natcode.issued";

  private final NatCredentialStore store;
  private final CodeTokens tokens;
  private final Issuance issuance;
  private final IssuanceGroups groups;
  private final Clock clock;
  private final NatCodeProperties properties;

  NatCodes(
      NatCredentialStore store,
      CodeTokens tokens,
      Issuance issuance,
      IssuanceGroups groups,
      Clock clock,
      NatCodeProperties properties) {
    this.store = store;
    this.tokens = tokens;
    this.issuance = issuance;
    this.groups = groups;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Generates the person's new NAT code and voids the earlier one; answers once it is committed.
   *
   * @param holder the family member who generates it for a dependant, or null (the person)
   */
  public NatCode generate(Person person, Actor actor, @Nullable UUID holder) {
    Issue issue = signed(person, actor, holder);
    Outcome outcome =
        TransactionSynchronizationManager.isActualTransactionActive()
            ? issuance.store(List.of(issue)).getFirst()
            : groups.submit(issue);
    return switch (outcome) {
      case Outcome.Issued issued -> issued.code();
      case Outcome.Refused refused -> throw refused.refusal();
      case Outcome.Failed failed -> throw failed.cause();
    };
  }

  /** The code signed on this thread, not stored yet. */
  Issue signed(Person person, Actor actor, @Nullable UUID holder) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
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
    return new Issue(credential, code.token(), actor, holder);
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
