package org.suishen.shared.security;

/**
 * Who may do what. Staff roles belong to people with a username and password; device roles to
 * terminals with their own credentials; {@link #CITIZEN} to a person logged in with phone and
 * one-time code.
 */
public enum Role {
  ADMINISTRATOR(Kind.STAFF),
  APPEAL_REVIEWER(Kind.STAFF),
  HEALTH_AUTHORITY(Kind.STAFF),
  SAMPLER(Kind.STAFF),
  LAB(Kind.STAFF),
  VENUE_STAFF(Kind.STAFF),
  AUDITOR(Kind.STAFF),
  /**
   * Runs the platform: reads its metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}).
   */
  OPERATOR(Kind.STAFF),
  SELF_SERVICE_KIOSK(Kind.DEVICE),
  BANK_KIOSK(Kind.DEVICE),
  SAMPLING_TERMINAL(Kind.DEVICE),
  VENUE_SENTINEL(Kind.DEVICE),
  CITIZEN(Kind.CITIZEN);

  /** Whether the role belongs to a staff member, a device or a citizen. */
  public enum Kind {
    STAFF,
    DEVICE,
    CITIZEN
  }

  private final Kind kind;

  Role(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The Spring Security authority, e.g. {@code ROLE_ADMINISTRATOR}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
