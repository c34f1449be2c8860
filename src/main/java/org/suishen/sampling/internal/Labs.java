package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.accounts.Account;
import org.suishen.accounts.Accounts;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * Testing labs and the lab staff who work at them: a lab receives boxes and reports only the tubes
 * it received (a result from another lab is refused).
 */
@Component
public class Labs {

  static final String OPENED = "sampling.lab.opened";
  static final String ASSIGNED = "sampling.lab.assigned";

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

  /** A lab. */
  public record Lab(String code, String name, Instant openedAt) {}

  /** Who works at which lab. */
  public record Member(String login, String labCode) {}

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;

  Labs(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Lab open(@Nullable String code, @Nullable String name, Actor actor) {
    String canonical = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(canonical).matches()) {
      throw SuishenException.badInput("sampling.lab.code-invalid");
    }
    String text = name == null ? "" : name.strip();
    if (text.isEmpty() || text.length() > 200) {
      throw SuishenException.badInput("sampling.lab.name-invalid");
    }
    int inserted =
        jdbc.sql(
                "INSERT INTO lab (code, name, opened_at, opened_by) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (code) DO NOTHING")
            .params(canonical, text, Timestamp.from(clock.instant()), actor.toString())
            .update();
    if (inserted == 0) {
      throw SuishenException.conflict("sampling.lab.code-taken", canonical);
    }
    audit.record(AuditEvent.of(actor, OPENED, null, "lab " + canonical));
    return require(canonical);
  }

  public List<Lab> all() {
    return jdbc.sql("SELECT code, name, opened_at FROM lab ORDER BY code")
        .query((rs, n) -> new Lab(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** Assigns a staff member with role LAB to the lab (moving them from any other). */
  @Transactional
  public Member assign(String labCode, @Nullable String login, Actor actor) {
    Lab lab = require(labCode);
    Account account =
        accounts
            .findByLogin(login == null ? "" : login.strip())
            .orElseThrow(() -> SuishenException.notFound("sampling.assignment.unknown-account"));
    if (!account.holds(Role.LAB)) {
      throw SuishenException.badInput("sampling.lab.not-lab-staff", account.login());
    }
    jdbc.sql(
            "INSERT INTO lab_member (login, lab_code, assigned_at, assigned_by) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (login) DO UPDATE SET lab_code = excluded.lab_code,"
                + " assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by")
        .params(account.login(), lab.code(), Timestamp.from(clock.instant()), actor.toString())
        .update();
    audit.record(
        AuditEvent.of(actor, ASSIGNED, null, "staff:" + account.login() + " to lab " + lab.code()));
    return new Member(account.login(), lab.code());
  }

  /** The lab the caller works at; refused when none. */
  public Lab labOf(Actor actor) {
    String code =
        jdbc.sql("SELECT lab_code FROM lab_member WHERE login = ?")
            .param(actor.id())
            .query(String.class)
            .optional()
            .filter(c -> "staff".equals(actor.kind()))
            .orElseThrow(() -> SuishenException.conflict("sampling.lab.not-assigned"));
    return require(code);
  }

  Lab require(String code) {
    return jdbc.sql("SELECT code, name, opened_at FROM lab WHERE code = ?")
        .param(code.strip().toUpperCase(Locale.ROOT))
        .query((rs, n) -> new Lab(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .optional()
        .orElseThrow(() -> SuishenException.notFound("sampling.lab.unknown"));
  }
}
