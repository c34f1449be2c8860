package org.suishen.identity;

/** The identity documents a person may register with (MISSION H8; 001 Q13). */
public enum DocumentType {
  /** 居民身份证: 18 characters, GB 11643 check digit. */
  RESIDENT_ID,
  /** 港澳居民来往内地通行证 (Home Return Permit): H or M and 8 or 10 digits. */
  HK_MACAO_TRAVEL_PERMIT,
  /** 台湾居民来往大陆通行证: 8 digits (older) or 10 characters. */
  TAIWAN_TRAVEL_PERMIT,
  /** 港澳台居民居住证: 18 characters starting 810000, 820000 or 830000, GB 11643 check digit. */
  HMT_RESIDENCE_PERMIT,
  /** A foreign passport: 5 to 17 letters and digits, with the issuing country. */
  FOREIGN_PASSPORT,
  /** 外国人永久居留身份证. */
  FOREIGN_PERMANENT_RESIDENCE_CARD
}
