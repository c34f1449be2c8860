package org.suishen.healthcode.internal.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.CodeCredential;
import org.suishen.healthcode.CodeGroupChecks;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.IssuedCode;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.healthcode.ProxyBindings;
import org.suishen.healthcode.ProxyBindings.ProxyPair;
import org.suishen.healthcode.ScanReason;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects.Subject;
import org.suishen.healthcode.internal.keys.KeyRingHolder;
import org.suishen.healthcode.internal.token.TokenIssuer;
import org.suishen.healthcode.internal.token.TokenPayload;
import org.suishen.healthcode.internal.token.TokenVerifier;
import org.suishen.healthcode.internal.token.TokenVerifier.Verification;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.status.Colour;

/**
 * Issues tokens with the active key and checks them: the token itself (tag, key, window), then its
 * type, then the person reference (a lookup that also yields the masked identity; the scan path
 * resolves the references of a whole group of scans in one query).
 */
@Service
public class DefaultCodeTokens implements CodeTokens, CodeGroupChecks {

  private final JdbcCodeSubjects subjects;
  private final CredentialTypes credentials;
  private final PopulationRegister register;
  private final Clock clock;
  private final TokenIssuer issuer;
  private final TokenVerifier verifier;
  private final Watermarks watermarks;
  private final ProxyBindings proxyBindings;

  private final PersonPhotos photos;

  DefaultCodeTokens(
      KeyRingHolder keys,
      JdbcCodeSubjects subjects,
      CredentialTypes credentials,
      PopulationRegister register,
      Clock clock,
      HealthCodeProperties properties,
      Watermarks watermarks,
      ProxyBindings proxyBindings,
      PersonPhotos photos) {
    this.photos = photos;
    this.subjects = subjects;
    this.credentials = credentials;
    this.register = register;
    this.clock = clock;
    this.issuer = new TokenIssuer(keys);
    this.verifier = new TokenVerifier(keys, properties.clockSkew());
    this.watermarks = watermarks;
    this.proxyBindings = proxyBindings;
  }

  private MaskedIdentity identityOf(Person person) {
    return MaskedIdentity.of(person, photos);
  }

  @Override
  public IssuedCode issue(
      CodeType type,
      UUID personId,
      @Nullable UUID holderPersonId,
      Duration validity,
      @Nullable Colour colour) {
    var identity = register.find(personId).map(this::identityOf).orElse(null);
    return issue(type, personId, identity, holderPersonId, validity, colour);
  }

  /**
   * Issues for a person already read from the register, with their masked identity (refreshed on
   * the code's reference when it changed): the caller made it once and shows it too.
   */
  IssuedCode issue(
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
                holderPersonId, register.find(holderPersonId).map(this::identityOf).orElse(null));
    UUID personRef = subjects.referenceOf(personId, identity);
    var issued = issuer.issue(type, colour, personRef, holderRef, now, now.plus(validity));
    TokenPayload payload = issued.payload();
    // the watermark traces the screen that shows the code: the holder's, for a proxy code
    return new IssuedCode(
        issued.text(),
        type,
        payload.keyId(),
        payload.issuedAt(),
        payload.expiresAt(),
        watermarks.text(holderRef == null ? personRef : holderRef, payload.issuedAt()));
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
        issued.text(), type, payload.keyId(), payload.issuedAt(), payload.expiresAt(), null);
  }

  @Override
  public CodeCheck check(String token, Set<CodeType> accepted) {
    return checkForScan(token, accepted).check();
  }

  @Override
  public CodeCheck checkAsOf(String token, Set<CodeType> accepted, Instant asOf) {
    return checkForScan(token, accepted, asOf).check();
  }

  /** The check and, for an accepted code, the masked identity recorded at issue. */
  public Checked checkForScan(String token, Set<CodeType> accepted) {
    return checkForScan(token, accepted, clock.instant());
  }

  private Checked checkForScan(String token, Set<CodeType> accepted, Instant at) {
    return judgeAll(List.of(verify(token, at)), i -> accepted).getFirst();
  }

  /** A verification waiting for its group ({@link CodeGroupChecks}). */
  private record VerifiedToken(Verification verification) implements CodeGroupChecks.Verified {}

  @Override
  public CodeGroupChecks.Verified prepare(@Nullable String token, Instant asOf) {
    return new VerifiedToken(verify(token, asOf));
  }

  @Override
  public List<CodeGroupChecks.CheckedCode> judge(
      List<CodeGroupChecks.Verified> group, Set<CodeType> accepted) {
    var verifications = group.stream().map(v -> ((VerifiedToken) v).verification()).toList();
    return judgeAll(verifications, i -> accepted).stream()
        .map(
            c ->
                new CodeGroupChecks.CheckedCode(
                    c.check(),
                    c.identity() == null ? null : c.identity().name(),
                    c.identity() == null ? null : c.identity().document(),
                    c.holderIdentity() == null ? null : c.holderIdentity().name()))
        .toList();
  }

  /**
   * Judges a group of verified tokens with one read per kind of reference ({@link #resolve}): one
   * verdict per token, in order; {@code acceptedOf} gives the types accepted for the i-th token.
   */
  public List<Checked> judgeAll(
      List<Verification> verifications, java.util.function.IntFunction<Set<CodeType>> acceptedOf) {
    var genuine = new java.util.ArrayList<TokenPayload>(verifications.size());
    for (Verification verification : verifications) {
      if (verification.payload() != null) {
        genuine.add(verification.payload());
      }
    }
    ResolvedSubjects subjects = resolve(genuine);
    var checked = new java.util.ArrayList<Checked>(verifications.size());
    for (int i = 0; i < verifications.size(); i++) {
      checked.add(judge(verifications.get(i), acceptedOf.apply(i), subjects));
    }
    return checked;
  }

  /** The token itself (tag, key, validity window): no database, never throws. */
  public Verification verify(@Nullable String token, Instant now) {
    return verifier.verify(token, now);
  }

  /**
   * Whom the references of these genuine tokens stand for, read in one query per kind (person
   * references and holders; each credential type's own store): a whole group of scans at once.
   */
  public ResolvedSubjects resolve(Collection<TokenPayload> payloads) {
    var personRefs = new HashSet<UUID>();
    var credentialIds = new EnumMap<CodeType, Set<UUID>>(CodeType.class);
    for (TokenPayload payload : payloads) {
      if (credentials.of(payload.type()) == null) {
        personRefs.add(payload.personRef());
      } else {
        credentialIds
            .computeIfAbsent(payload.type(), t -> new HashSet<>())
            .add(payload.personRef());
      }
      if (payload.holderRef() != null) {
        personRefs.add(payload.holderRef());
      }
    }
    Map<UUID, Subject> persons = personRefs.isEmpty() ? Map.of() : subjects.resolveAll(personRefs);
    Set<ProxyPair> standingProxies = standingProxies(payloads, persons);
    var byCredential = new EnumMap<CodeType, Map<UUID, Subject>>(CodeType.class);
    credentialIds.forEach(
        (type, ids) -> {
          var found = new HashMap<UUID, Subject>();
          Objects.requireNonNull(credentials.of(type))
              .findAll(ids)
              .forEach((id, c) -> found.put(id, subjectOf(c)));
          byCredential.put(type, found);
        });
    return new ResolvedSubjects(persons, byCredential, standingProxies);
  }

  /** The holder-dependant pairs of the proxy codes among these whose binding still stands. */
  private Set<ProxyPair> standingProxies(
      Collection<TokenPayload> payloads, Map<UUID, Subject> persons) {
    var pairs = new HashSet<ProxyPair>();
    for (TokenPayload payload : payloads) {
      if (payload.holderRef() != null) {
        Subject dependant = persons.get(payload.personRef());
        Subject holder = persons.get(payload.holderRef());
        if (dependant != null && holder != null) {
          pairs.add(new ProxyPair(holder.personId(), dependant.personId()));
        }
      }
    }
    if (pairs.isEmpty()) {
      return Set.of();
    }
    return proxyBindings.standing(pairs);
  }

  /**
   * The verdict on a verified token, given what its references stand for: accepted type, known and
   * not withdrawn reference, and for a proxy code a known holder.
   */
  public Checked judge(
      Verification verification, Set<CodeType> accepted, ResolvedSubjects subjects) {
    TokenPayload payload = verification.payload();
    if (payload == null) {
      return new Checked(CodeCheck.refused(verification.reason()), null, null);
    }
    ScanReason reason =
        accepted.contains(payload.type())
            ? verification.reason()
            : payload.type() == CodeType.OFFLINE && verification.reason() == ScanReason.OK
                ? ScanReason.OFFLINE_NEEDS_STAFF_CHECK
                : ScanReason.WRONG_CODE_TYPE;
    var subject = subjects.of(payload);
    UUID personId = subject == null ? null : subject.personId();
    UUID holderId = null;
    MaskedIdentity holderIdentity = null;
    if (reason == ScanReason.OK) {
      if (subject == null) {
        reason = ScanReason.UNKNOWN_PERSON;
      } else if (subject.revokedAt() != null) {
        reason = ScanReason.REVOKED;
      } else if (payload.holderRef() != null) {
        var holder = subjects.persons().get(payload.holderRef());
        if (holder == null) {
          reason = ScanReason.UNKNOWN_PERSON;
        } else if (holder.revokedAt() != null
            || !subjects
                .standingProxies()
                .contains(new ProxyPair(holder.personId(), subject.personId()))) {
          // the holder's reference was withdrawn, or their binding to the dependant has ended
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

  private static Subject subjectOf(CodeCredential credential) {
    return new Subject(
        credential.personId(),
        credential.revokedAt(),
        credential.maskedName() == null || credential.maskedDocument() == null
            ? null
            : new MaskedIdentity(credential.maskedName(), credential.maskedDocument(), null));
  }

  /**
   * What the references of a group of tokens stand for: person references (and holders) by
   * reference, credential-carrying types by credential id, and which proxy codes' bindings stand.
   */
  public record ResolvedSubjects(
      Map<UUID, Subject> persons,
      Map<CodeType, Map<UUID, Subject>> credentials,
      Set<ProxyPair> standingProxies) {

    /** Whom a genuine token names; null if nobody (never issued, or purged). */
    @Nullable Subject of(TokenPayload payload) {
      Map<UUID, Subject> byCredential = credentials.get(payload.type());
      return byCredential == null
          ? persons.get(payload.personRef())
          : byCredential.get(payload.personRef());
    }
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
