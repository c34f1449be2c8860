package org.suishen.shared.security;

/**
 * Who did something, as the audit trail records it: {@code staff:wang.li}, {@code
 * device:kiosk-0042}, {@code citizen:6f1c...} (an account id, never a name or phone), {@code
 * system:status-engine}.
 */
public record Actor(String kind, String id) {

  public static Actor staff(String username) {
    return new Actor("staff", username);
  }

  public static Actor device(String deviceId) {
    return new Actor("device", deviceId);
  }

  public static Actor citizen(String accountId) {
    return new Actor("citizen", accountId);
  }

  public static Actor system(String component) {
    return new Actor("system", component);
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
