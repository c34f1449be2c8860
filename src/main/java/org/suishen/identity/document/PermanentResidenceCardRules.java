package org.suishen.identity.document;

import java.time.LocalDate;
import java.util.Optional;
import org.suishen.shared.problem.SuishenException;

/**
 * 外国人永久居留身份证. Old cards (2004-2023): a 3-letter nationality code and 12 digits. Cards since
 * December 2023: 18 characters starting with 9, province of issue, nationality code, birth date
 * (characters 7-14), sequence and a GB 11643 check character.
 */
final class PermanentResidenceCardRules implements DocumentRules {

  static final PermanentResidenceCardRules INSTANCE = new PermanentResidenceCardRules();

  @Override
  public String canonical(String number) {
    String n = DocumentNumbers.clean(number);
    if (n.length() == 15
        && DocumentNumbers.upperLetters(n, 0, 3)
        && DocumentNumbers.digits(n, 3, 15)) {
      return n;
    }
    if (n.length() == 18 && n.charAt(0) == '9') {
      return Gb11643.validate(n);
    }
    throw SuishenException.badInput(DocumentErrors.FORMAT);
  }

  @Override
  public Optional<LocalDate> birthDate(String canonical) {
    return canonical.length() == 18 ? Gb11643.birthDate(canonical) : Optional.empty();
  }
}
