package org.suishen.healthcode.internal.token;

/** The life of a signing key: exactly one ACTIVE key signs; VERIFY_ONLY keys still verify. */
public enum KeyStatus {
  ACTIVE,
  VERIFY_ONLY,
  RETIRED;

  public boolean verifies() {
    return this != RETIRED;
  }
}
