package org.suishen.identity.document;

import org.suishen.shared.problem.SuishenException;

/** A foreign passport: 5 to 17 letters (A-Z, stored in upper case) and digits. */
final class ForeignPassportRules implements DocumentRules {

  static final ForeignPassportRules INSTANCE = new ForeignPassportRules();

  @Override
  public String canonical(String number) {
    String n = DocumentNumbers.clean(number);
    if (n.length() < 5 || n.length() > 17 || !DocumentNumbers.lettersOrDigits(n)) {
      throw SuishenException.badInput(DocumentErrors.FORMAT);
    }
    return n;
  }
}
