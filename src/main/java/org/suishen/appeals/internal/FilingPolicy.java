package org.suishen.appeals.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.SuishenException;
import org.suishen.status.Colour;

/**
 * What a person may file: a known kind, a text, for a colour appeal optionally the colour they
 * believe correct (not the one the code already shows), for a name appeal the name on their
 * document (not the one the register already holds), and acceptable evidence. Checks in that order
 * and refuses at the first problem; the field of the other kind is ignored.
 */
public final class FilingPolicy {

  private final int textMaxLength;
  private final PersonNamePolicy names;
  private final EvidencePolicy evidence;

  public FilingPolicy(int textMaxLength, PersonNamePolicy names, EvidencePolicy evidence) {
    this.textMaxLength = textMaxLength;
    this.names = names;
    this.evidence = evidence;
  }

  /**
   * @param colourNow the colour the person's code shows now
   * @param registeredName the name the population register holds for the person
   */
  public Filing check(FilingRequest request, Colour colourNow, String registeredName) {
    AppealKind kind = kind(request.kind());
    if (kind == AppealKind.IDENTITY_TAKEN) {
      throw new IllegalArgumentException("an identity appeal is checked by checkIdentity");
    }
    String text = FreeText.required(request.text(), textMaxLength, "appeals.text");
    Colour believed = null;
    String name = null;
    if (kind == AppealKind.WRONG_COLOUR) {
      believed = colour(request.believedColour(), "appeals.colour.invalid");
      if (believed == colourNow) {
        throw SuishenException.badInput("appeals.colour.unchanged");
      }
    } else {
      name = names.check(request.correctedName(), "appeals.name");
      if (name.equals(PersonNamePolicy.normalise(registeredName))) {
        throw SuishenException.badInput("appeals.name.unchanged");
      }
    }
    return new Filing(kind, text, believed, name, evidence.check(request.files()));
  }

  /**
   * An identity appeal: a text, the document another account claimed (a known type, a well-formed
   * number: {@code identity.document.*} codes), the name on it, and at least one evidence file (a
   * photo of the document, of the person holding it).
   */
  public IdentityFiling checkIdentity(FilingRequest request) {
    String text = FreeText.required(request.text(), textMaxLength, "appeals.text");
    DocumentType type = documentType(request.documentType());
    if (request.documentNumber() == null || request.documentNumber().isBlank()) {
      throw SuishenException.badInput("appeals.identity.document-number.required");
    }
    IdentityDocument document = IdentityDocument.of(type, request.documentNumber());
    String name = names.check(request.name(), "appeals.identity.name");
    var files = evidence.check(request.files());
    if (files.isEmpty()) {
      throw SuishenException.badInput("appeals.evidence.required");
    }
    return new IdentityFiling(
        document, name, new Filing(AppealKind.IDENTITY_TAKEN, text, null, null, files));
  }

  /** An identity appeal that passed {@link #checkIdentity}. */
  public record IdentityFiling(IdentityDocument document, String name, Filing filing) {}

  private static DocumentType documentType(@Nullable String raw) {
    return DocumentType.find(raw)
        .orElseThrow(() -> SuishenException.badInput("appeals.identity.document-type"));
  }

  static AppealKind kind(@Nullable String raw) {
    if (raw != null) {
      for (var kind : AppealKind.values()) {
        if (kind.name().equalsIgnoreCase(raw.strip())) {
          return kind;
        }
      }
    }
    throw SuishenException.badInput("appeals.kind.invalid");
  }

  /** A colour by name (any case), or none if blank; refused with {@code code} if unknown. */
  static @Nullable Colour colour(@Nullable String raw, String code) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Colour.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput(code);
    }
  }
}
