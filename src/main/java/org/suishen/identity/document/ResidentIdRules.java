package org.suishen.identity.document;

import java.time.LocalDate;
import java.util.Optional;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.SuishenException;

/**
 * 居民身份证: 6-digit region (the first two a province code), 8-digit birth date, 3-digit sequence (odd
 * for men), GB 11643 check character. A lower-case x is accepted and canonicalised to X.
 */
final class ResidentIdRules implements DocumentRules {

  static final ResidentIdRules INSTANCE = new ResidentIdRules();

  @Override
  public String canonical(String number) {
    String n = DocumentNumbers.clean(number);
    if (!Gb11643.wellFormed(n)) {
      throw SuishenException.badInput(DocumentErrors.FORMAT);
    }
    if (!Gb11643.PROVINCES.contains(BirthDates.digits(n, 0, 2))) {
      throw SuishenException.badInput(DocumentErrors.REGION);
    }
    return Gb11643.validate(n);
  }

  @Override
  public Optional<LocalDate> birthDate(String canonical) {
    return Gb11643.birthDate(canonical);
  }

  @Override
  public Optional<Sex> sex(String canonical) {
    return Gb11643.sex(canonical);
  }
}
