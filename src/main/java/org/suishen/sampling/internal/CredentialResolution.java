package org.suishen.sampling.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;

/**
 * Resolves what was presented at the table to the person to sample. A code is checked on the server
 * like a scan (a live code only while live: a screenshot is expired; a proxy code only with a
 * standing binding, and registers the dependant); a document must be in the register under the name
 * given. Resolving reads nothing else and changes none of the person's codes (S2, 002).
 */
@Component
class CredentialResolution {

  /** Every code a person may show at the table (the offline code once it is issued). */
  static final Set<CodeType> ACCEPTED =
      EnumSet.of(CodeType.NAT, CodeType.LIVE, CodeType.PROXY, CodeType.OFFLINE);

  private static final int MAX_PAYLOAD = 512;

  /**
   * The person and how they were identified ({@code NAT}, {@code LIVE}, {@code ID_CARD}, ...); for
   * a proxy code, the family member who holds it.
   */
  record Resolved(
      Person person, String credential, @org.jspecify.annotations.Nullable UUID guardian) {

    Resolved(Person person, String credential) {
      this(person, credential, null);
    }
  }

  private final CodeTokens tokens;
  private final PopulationRegister register;

  CredentialResolution(CodeTokens tokens, PopulationRegister register) {
    this.tokens = tokens;
    this.register = register;
  }

  Resolved resolve(PresentedCredential credential) {
    return resolve(credential, null);
  }

  /**
   * @param checkedAt when a terminal checked the code offline (its registration's sampling time),
   *     for a registration queued and uploaded later; {@code null}: now
   */
  Resolved resolve(
      PresentedCredential credential,
      java.time.@org.jspecify.annotations.Nullable Instant checkedAt) {
    return switch (credential) {
      case PresentedCredential.Code code -> code(code.payload(), checkedAt);
      case PresentedCredential.Document document -> document(document);
    };
  }

  private Resolved code(
      String payload, java.time.@org.jspecify.annotations.Nullable Instant checkedAt) {
    String text = payload == null ? "" : payload.strip();
    if (text.isEmpty() || text.length() > MAX_PAYLOAD) {
      throw SuishenException.unprocessable("sampling.code.invalid");
    }
    CodeCheck check =
        checkedAt == null
            ? tokens.check(text, ACCEPTED)
            : tokens.checkAsOf(text, ACCEPTED, checkedAt);
    if (!check.accepted() || check.personId() == null || check.type() == null) {
      throw SuishenException.unprocessable(refusal(check.reason()));
    }
    Person person =
        register
            .find(check.personId())
            .orElseThrow(() -> SuishenException.unprocessable("sampling.code.unknown-person"));
    return new Resolved(
        person,
        check.type().name(),
        check.type() == CodeType.PROXY ? check.holderPersonId() : null);
  }

  private static String refusal(ScanReason reason) {
    return switch (reason) {
      case EXPIRED -> "sampling.code.expired";
      case REVOKED -> "sampling.code.revoked";
      case UNKNOWN_PERSON -> "sampling.code.unknown-person";
      default -> "sampling.code.invalid";
    };
  }

  private Resolved document(PresentedCredential.Document presented) {
    if (presented.documentType() == null
        || presented.number() == null
        || presented.number().isBlank()) {
      throw SuishenException.badInput("sampling.document.required");
    }
    if (presented.name() == null || presented.name().isBlank()) {
      throw SuishenException.badInput("sampling.document.name-required");
    }
    var document =
        IdentityDocument.of(DocumentType.parse(presented.documentType()), presented.number());
    // one answer for "not in the register" and "another name": the table learns nothing more
    Person person =
        register
            .findByDocument(document)
            .filter(p -> Names.same(p.name(), presented.name()))
            .orElseThrow(() -> SuishenException.unprocessable("sampling.document.not-matched"));
    return new Resolved(person, presented.kind().name());
  }
}
