package org.suishen.identity.document;

import org.suishen.shared.problem.SuishenException;

/**
 * 台湾居民来往大陆通行证: 8 digits (the card since 2015, and the older booklet's number), or 10 characters of
 * the booklet format: 10 digits (the 8-digit number and the two-digit issue count, often written
 * "12345678(01)") or a letter and 9 digits. Brackets are dropped.
 */
final class TaiwanTravelPermitRules implements DocumentRules {

  static final TaiwanTravelPermitRules INSTANCE = new TaiwanTravelPermitRules();

  @Override
  public String canonical(String number) {
    String n = DocumentNumbers.clean(number).replace("(", "").replace(")", "");
    boolean ok =
        (n.length() == 8 && DocumentNumbers.digits(n, 0, 8))
            || (n.length() == 10
                && DocumentNumbers.digits(n, 1, 10)
                && (Character.isDigit(n.charAt(0)) || DocumentNumbers.upperLetters(n, 0, 1)));
    if (!ok) {
      throw SuishenException.badInput(DocumentErrors.FORMAT);
    }
    return n;
  }
}
