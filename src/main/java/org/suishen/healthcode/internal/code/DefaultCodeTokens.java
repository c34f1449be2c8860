package org.suishen.healthcode.internal.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.IssuedCode;
import org.suishen.healthcode.ScanReason;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects.Subject;
import org.suishen.healthcode.internal.keys.KeyRingHolder;
import org.suishen.healthcode.internal.token.TokenIssuer;
import org.suishen.healthcode.internal.token.TokenPayload;
import org.suishen.healthcode.internal.token.TokenVerifier;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.status.Colour;

/**
 * Issues tokens with the active key and checks them: the token itself (tag, key, window), then its
 * type, then the person reference (one primary-key lookup, which also yields the masked identity).
 */
@Service
public class DefaultCodeTokens implements CodeTokens {

  private final JdbcCodeSubjects subjects;
  private final GroupedSubjectLookup lookup;
  private final CredentialTypes credentials;
  private final PopulationRegister register;
  private final Clock clock;
  private final TokenIssuer issuer;
  private final TokenVerifier verifier;

  DefaultCodeTokens(
      KeyRingHolder keys,
      JdbcCodeSubjects subjects,
      GroupedSubjectLookup lookup,
      CredentialTypes credentials,
      PopulationRegister register,
      Clock clock,
      HealthCodeProperties properties) {
    this.subjects = subjects;
    this.lookup = lookup;
    this.credentials = credentials;
    this.register = register;
    this.clock = clock;
    this.issuer = new TokenIssuer(keys);
    this.verifier = new TokenVerifier(keys, properties.clockSkew());
  }

  @Override
  public IssuedCode issue(
      CodeType type,
      UUID personId,
      @Nullable UUID holderPersonId,
      Duration validity,
      @Nullable Colour colour) {
    var identity = register.find(personId).map(MaskedIdentity::of).orElse(null);
    return issue(type, personId, identity, holderPersonId, validity, colour);
  }

  /** Issues for a person already read from the register (refreshing the masked identity). */
  public IssuedCode issue(
      CodeType type,
      Person person,
      @Nullable UUID holderPersonId,
      Duration validity,
      @Nullable Colour colour) {
    return issue(type, person.id(), MaskedIdentity.of(person), holderPersonId, validity, colour);
  }

  private IssuedCode issue(
      CodeType type,
      UUID personId,
      @Nullable MaskedIdentity identity,
      @Nullable UUID holderPersonId,
      Duration validity,
      @Nullable Colour colour) {
    if (type.namesHolder() != (holderPersonId != null)) {
      throw new IllegalArgumentException("A holder is named exactly for proxy codes");
    }
    Instant now = clock.instant();
    UUID holderRef =
        holderPersonId == null
            ? null
            : subjects.referenceOf(
                holderPersonId, register.find(holderPersonId).map(MaskedIdentity::of).orElse(null));
    var issued =
        issuer.issue(
            type,
            colour,
            subjects.referenceOf(personId, identity),
            holderRef,
            now,
            now.plus(validity));
    TokenPayload payload = issued.payload();
    return new IssuedCode(
        issued.text(), type, payload.keyId(), payload.issuedAt(), payload.expiresAt());
  }

  @Override
  public IssuedCode issueCredential(
      CodeType type, UUID credentialId, Instant issuedAt, Instant expiresAt) {
    if (type.namesHolder() || credentials.of(type) == null) {
      throw new IllegalArgumentException("No credentials are kept for " + type + " codes");
    }
    var issued = issuer.issue(type, null, credentialId, null, issuedAt, expiresAt);
    TokenPayload payload = issued.payload();
    return new IssuedCode(
        issued.text(), type, payload.keyId(), payload.issuedAt(), payload.expiresAt());
  }

  @Override
  public CodeCheck check(String token, Set<CodeType> accepted) {
    return checkForScan(token, accepted).check();
  }

  /** The check and, for an accepted code, the masked identity recorded at issue. */
  public Checked checkForScan(String token, Set<CodeType> accepted) {
    var verification = verifier.verify(token, clock.instant());
    TokenPayload payload = verification.payload();
    if (payload == null) {
      return new Checked(CodeCheck.refused(verification.reason()), null, null);
    }
    ScanReason reason =
        accepted.contains(payload.type()) ? verification.reason() : ScanReason.WRONG_CODE_TYPE;
    var subject = subjectOf(payload);
    UUID personId = subject == null ? null : subject.personId();
    UUID holderId = null;
    MaskedIdentity holderIdentity = null;
    if (reason == ScanReason.OK) {
      if (subject == null) {
        reason = ScanReason.UNKNOWN_PERSON;
      } else if (subject.revokedAt() != null) {
        reason = ScanReason.REVOKED;
      } else if (payload.holderRef() != null) {
        var holder = lookup.resolve(payload.holderRef()).orElse(null);
        if (holder == null) {
          reason = ScanReason.UNKNOWN_PERSON;
        } else if (holder.revokedAt() != null) {
          reason = ScanReason.REVOKED;
        } else {
          holderId = holder.personId();
          holderIdentity = holder.identity();
        }
      }
    }
    var check =
        new CodeCheck(
            reason,
            payload.type(),
            payload.personRef(),
            personId,
            holderId,
            payload.issuedAt(),
            payload.expiresAt());
    return new Checked(
        check,
        reason.accepted() && subject != null ? subject.identity() : null,
        reason.accepted() ? holderIdentity : null);
  }

  /**
   * Whom a genuine token's reference stands for: a credential of a type with {@link
   * org.suishen.healthcode.CodeCredentials} (one lookup there), else a person reference.
   */
  private @Nullable Subject subjectOf(TokenPayload payload) {
    var kept = credentials.of(payload.type());
    if (kept == null) {
      return lookup.resolve(payload.personRef()).orElse(null);
    }
    return kept.find(payload.personRef())
        .map(
            c ->
                new Subject(
                    c.personId(),
                    c.revokedAt(),
                    c.maskedName() == null || c.maskedDocument() == null
                        ? null
                        : new MaskedIdentity(c.maskedName(), c.maskedDocument())))
        .orElse(null);
  }

  /**
   * A verdict with the masked identity recorded at issue (null if unknown) and, for an accepted
   * proxy code, the holder's masked identity.
   */
  public record Checked(
      CodeCheck check,
      @Nullable MaskedIdentity identity,
      @Nullable MaskedIdentity holderIdentity) {}
}
