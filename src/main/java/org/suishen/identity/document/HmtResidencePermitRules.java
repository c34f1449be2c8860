package org.suishen.identity.document;

import java.time.LocalDate;
import java.util.Optional;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.SuishenException;

/**
 * 港澳台居民居住证: the resident-ID layout with the region 810000 (Hong Kong), 820000 (Macao) or 830000
 * (Taiwan), a birth date, a sequence and a GB 11643 check character.
 */
final class HmtResidencePermitRules implements DocumentRules {

  static final HmtResidencePermitRules INSTANCE = new HmtResidencePermitRules();

  @Override
  public String canonical(String number) {
    String n = DocumentNumbers.clean(number);
    if (!Gb11643.wellFormed(n)) {
      throw SuishenException.badInput(DocumentErrors.FORMAT);
    }
    if (!(n.startsWith("810000") || n.startsWith("820000") || n.startsWith("830000"))) {
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
