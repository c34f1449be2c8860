package org.suishen.citizen;

import org.suishen.identity.IdentityDocument;

/**
 * The mobile carrier's real-name record of a phone number (手机号实名信息): since 2013 every Chinese
 * mobile number is registered to a person's ID document, so the carrier can answer "is this number
 * registered to this document and name?" (运营商三要素核验: phone, name, ID number). A stranger who knows
 * someone's name and document number but claims it from their own phone is refused.
 *
 * <p>{@code suishen.citizen.identity.carrier} selects the adapter and has no default: {@code
 * development} (demo and test profiles) answers from numbers registered in memory; {@code none}
 * switches the check off explicitly (a city without a carrier agreement). A real deployment plugs
 * in the carriers' verification service (China Mobile, China Unicom, China Telecom, usually through
 * the city's government service platform) as another implementation, conditional on its own value.
 */
public interface CarrierRealNames {

  /** What the carrier says. */
  enum Answer {
    /** The number is registered to this document and name. */
    MATCH,
    /** The number is registered to someone else. */
    MISMATCH,
    /** The carrier does not know (another carrier's or a foreign number, service unavailable). */
    UNKNOWN
  }

  Answer ask(String phone, IdentityDocument document, String name);
}
