package org.suishen.identity.document;

import org.suishen.shared.problem.SuishenException;

/** 港澳居民来往内地通行证 (Home Return Permit): H (Hong Kong) or M (Macao), then 8 or 10 digits. */
final class HkMacaoTravelPermitRules implements DocumentRules {

  static final HkMacaoTravelPermitRules INSTANCE = new HkMacaoTravelPermitRules();

  @Override
  public String canonical(String number) {
    String n = DocumentNumbers.clean(number);
    boolean ok =
        (n.length() == 9 || n.length() == 11)
            && (n.charAt(0) == 'H' || n.charAt(0) == 'M')
            && DocumentNumbers.digits(n, 1, n.length());
    if (!ok) {
      throw SuishenException.badInput(DocumentErrors.FORMAT);
    }
    return n;
  }
}
