package org.suishen.support;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.suishen.shared.security.Role;

/**
 * Real staff and device accounts (in the accounts context's table) for the integration tests, one
 * per role, all with the password {@link #PASSWORD}: {@code reviewer}, {@code reviewer2}, {@code
 * auditor}, {@code officer-a}, {@code officer-b} (health authority), {@code sampler}, {@code lab},
 * {@code venue}, {@code admin2}, and devices {@code test-kiosk}, {@code test-bank-kiosk}, {@code
 * test-sampling-terminal}, {@code test-sentinel}. Picked up by component scanning in every test
 * context; creating them twice changes nothing.
 */
@Component
public class TestStaffAccounts implements SmartInitializingSingleton {

  public static final String PASSWORD = "Test-Staff-Passw0rd";
  public static final String REVIEWER = "reviewer";
  public static final String SECOND_REVIEWER = "reviewer2";
  public static final String AUDITOR = "auditor";
  public static final String AUTHORITY = "officer-a";
  public static final String SECOND_AUTHORITY = "officer-b";
  public static final String SAMPLER = "sampler";
  public static final String LAB = "lab";
  public static final String VENUE_STAFF = "venue";
  public static final String KIOSK = "test-kiosk";
  public static final String BANK_KIOSK = "test-bank-kiosk";
  public static final String SAMPLING_TERMINAL = "test-sampling-terminal";
  public static final String SENTINEL = "test-sentinel";

  /** A second sentinel, for a venue of its own (a sentinel decides for its venue only). */
  public static final String SECOND_SENTINEL = "test-sentinel-2";

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;

  TestStaffAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String hash = encoder.encode(PASSWORD);
    staff(REVIEWER, hash, Role.APPEAL_REVIEWER);
    staff(SECOND_REVIEWER, hash, Role.APPEAL_REVIEWER);
    staff(AUDITOR, hash, Role.AUDITOR);
    staff(AUTHORITY, hash, Role.HEALTH_AUTHORITY);
    staff(SECOND_AUTHORITY, hash, Role.HEALTH_AUTHORITY);
    staff(SAMPLER, hash, Role.SAMPLER);
    staff(LAB, hash, Role.LAB);
    staff(VENUE_STAFF, hash, Role.VENUE_STAFF);
    device(KIOSK, hash, Role.SELF_SERVICE_KIOSK);
    device(BANK_KIOSK, hash, Role.BANK_KIOSK);
    device(SAMPLING_TERMINAL, hash, Role.SAMPLING_TERMINAL);
    device(SENTINEL, hash, Role.VENUE_SENTINEL);
    device(SECOND_SENTINEL, hash, Role.VENUE_SENTINEL);
  }

  private void staff(String login, String hash, Role role) {
    insert("STAFF", login, hash, role);
  }

  private void device(String login, String hash, Role role) {
    insert("DEVICE", login, hash, role);
  }

  private void insert(String kind, String login, String hash, Role role) {
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            "INSERT INTO account (id, kind, login, description, roles, password_hash, created_at,"
                + " updated_at) VALUES (?, ?, ?, 'test', ARRAY[?], ?, ?, ?) ON CONFLICT (login) DO NOTHING")
        .params(UUID.randomUUID(), kind, login, role.name(), hash, now, now)
        .update();
  }
}
