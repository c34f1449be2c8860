package org.suishen.identity;

import java.util.Locale;
import org.suishen.identity.document.DocumentErrors;
import org.suishen.shared.problem.SuishenException;

/** The identity documents a person may register with (MISSION H8; 001 Q13). */
public enum DocumentType {
  /** 居民身份证: 18 characters, region, birth date, GB 11643 check digit. */
  RESIDENT_ID,
  /** 港澳居民来往内地通行证 (Home Return Permit): H or M and 8 or 10 digits. */
  HK_MACAO_TRAVEL_PERMIT,
  /** 台湾居民来往大陆通行证: 8 digits, or 10 characters (older booklet). */
  TAIWAN_TRAVEL_PERMIT,
  /** 港澳台居民居住证: 18 characters starting 810000, 820000 or 830000, GB 11643 check digit. */
  HMT_RESIDENCE_PERMIT,
  /** A foreign passport: 5 to 17 letters and digits. */
  FOREIGN_PASSPORT,
  /** 外国人永久居留身份证: 3 letters + 12 digits (old), or 18 characters starting with 9 (2023). */
  FOREIGN_PERMANENT_RESIDENCE_CARD;

  /**
   * The type named by {@code name} (an enum name, case and surrounding spaces ignored, e.g. from a
   * CSV file or the API); refuses anything else with {@code identity.document.unknown-type}.
   */
  public static DocumentType parse(String name) {
    return find(name).orElseThrow(() -> SuishenException.badInput(DocumentErrors.UNKNOWN_TYPE));
  }

  /**
   * The type named by {@code name} (case and surrounding spaces ignored); empty for none, blank or
   * an unknown name, for callers that refuse with a code of their own.
   */
  public static java.util.Optional<DocumentType> find(
      @org.jspecify.annotations.Nullable String name) {
    if (name == null) {
      return java.util.Optional.empty();
    }
    String key = name.strip().toUpperCase(Locale.ROOT);
    for (DocumentType type : values()) {
      if (type.name().equals(key)) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }
}
