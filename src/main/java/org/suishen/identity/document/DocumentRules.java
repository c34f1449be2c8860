package org.suishen.identity.document;

import java.time.LocalDate;
import java.util.Optional;
import org.suishen.identity.DocumentType;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.SuishenException;

/**
 * Format rules of one document type. Every refusal is a {@code SuishenException} (400) with one of
 * the stable codes {@code identity.document.format}, {@code identity.document.check-digit}, {@code
 * identity.document.birth-date} or {@code identity.document.region}.
 */
public interface DocumentRules {

  /**
   * The number in canonical form (full-width characters folded, spaces removed, upper case), or a
   * {@code SuishenException} with a stable code. Embedded birth dates must lie between {@link
   * BirthDates#EARLIEST} and {@link BirthDates#LATEST}.
   */
  String canonical(String number);

  /**
   * Like {@link #canonical(String)}, and an embedded birth date must not be after {@code today}.
   */
  default String canonical(String number, LocalDate today) {
    String canonical = canonical(number);
    if (birthDate(canonical).filter(born -> born.isAfter(today)).isPresent()) {
      throw SuishenException.badInput(DocumentErrors.BIRTH_DATE);
    }
    return canonical;
  }

  /** The birth date written into a canonical number, for types that carry one. */
  default Optional<LocalDate> birthDate(String canonical) {
    return Optional.empty();
  }

  /** The sex written into a canonical number (odd 17th digit: male), for types that carry it. */
  default Optional<Sex> sex(String canonical) {
    return Optional.empty();
  }

  static DocumentRules forType(DocumentType type) {
    return switch (type) {
      case RESIDENT_ID -> ResidentIdRules.INSTANCE;
      case HK_MACAO_TRAVEL_PERMIT -> HkMacaoTravelPermitRules.INSTANCE;
      case TAIWAN_TRAVEL_PERMIT -> TaiwanTravelPermitRules.INSTANCE;
      case HMT_RESIDENCE_PERMIT -> HmtResidencePermitRules.INSTANCE;
      case FOREIGN_PASSPORT -> ForeignPassportRules.INSTANCE;
      case FOREIGN_PERMANENT_RESIDENCE_CARD -> PermanentResidenceCardRules.INSTANCE;
    };
  }
}
