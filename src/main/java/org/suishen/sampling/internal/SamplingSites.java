package org.suishen.sampling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.Accounts;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * Sampling sites, opened and closed by an administrator or the health authority, and the samplers
 * and terminals assigned to them: a registration takes its site from the session's assignment,
 * never from the person (in 2022 the home address was attached and the wrong community called).
 */
@Component
public class SamplingSites {

  static final String OPENED = "sampling.site.opened";
  static final String CLOSED = "sampling.site.closed";
  static final String ASSIGNED = "sampling.site.assigned";

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");
  private static final int MAX_TEXT = 200;

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;

  SamplingSites(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a new site is given; every field required. */
  public record NewSite(
      @Nullable String code,
      @Nullable String name,
      @Nullable String address,
      @Nullable String district,
      @Nullable String street,
      @Nullable String community) {}

  @Transactional
  public Site open(NewSite site, Actor actor) {
    String code = site.code() == null ? "" : site.code().strip().toUpperCase(java.util.Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      throw SuishenException.badInput("sampling.site.code-invalid");
    }
    String name = text(site.name(), "name");
    String address = text(site.address(), "address");
    String district = text(site.district(), "district");
    String street = text(site.street(), "street");
    String community = text(site.community(), "community");
    int inserted =
        jdbc.sql(
                "INSERT INTO sampling_site (code, name, address, district, street, community,"
                    + " opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (code) DO NOTHING")
            .params(
                code,
                name,
                address,
                district,
                street,
                community,
                Timestamp.from(clock.instant()),
                actor.toString())
            .update();
    if (inserted == 0) {
      throw SuishenException.conflict("sampling.site.code-taken", code);
    }
    audit.record(AuditEvent.of(actor, OPENED, null, "site " + code));
    return find(code).orElseThrow();
  }

  @Transactional
  public Site close(String code, Actor actor) {
    Site site = require(code);
    if (!site.open()) {
      throw SuishenException.conflict("sampling.site.closed", site.code());
    }
    jdbc.sql("UPDATE sampling_site SET closed_at = ?, closed_by = ? WHERE code = ?")
        .params(Timestamp.from(clock.instant()), actor.toString(), site.code())
        .update();
    audit.record(AuditEvent.of(actor, CLOSED, null, "site " + site.code()));
    return require(site.code());
  }

  /** Assigns a sampler or a sampling terminal to the site (moving it from any other). */
  @Transactional
  public Assignment assign(String code, @Nullable String login, Actor actor) {
    Site site = require(code);
    if (!site.open()) {
      throw SuishenException.conflict("sampling.site.closed", site.code());
    }
    Account account =
        accounts
            .findByLogin(login == null ? "" : login.strip())
            .orElseThrow(() -> SuishenException.notFound("sampling.assignment.unknown-account"));
    if (!account.holds(Role.SAMPLER) && !account.holds(Role.SAMPLING_TERMINAL)) {
      throw SuishenException.badInput("sampling.assignment.not-a-sampler", account.login());
    }
    Actor assigned =
        account.kind() == AccountKind.DEVICE
            ? Actor.device(account.login())
            : Actor.staff(account.login());
    jdbc.sql(
            "INSERT INTO sampling_assignment (actor, site_code, assigned_at, assigned_by)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (actor) DO UPDATE SET site_code ="
                + " excluded.site_code, assigned_at = excluded.assigned_at, assigned_by ="
                + " excluded.assigned_by")
        .params(assigned.toString(), site.code(), Timestamp.from(clock.instant()), actor.toString())
        .update();
    audit.record(AuditEvent.of(actor, ASSIGNED, null, assigned + " to site " + site.code()));
    return new Assignment(account.login(), account.kind().name(), site.code());
  }

  static final String SIGNED_ON = "sampling.terminal.signed-on";
  static final String SIGNED_OFF = "sampling.terminal.signed-off";

  /** How long a sign-on lasts at most: a shift. */
  static final java.time.Duration SHIFT = java.time.Duration.ofHours(12);

  /** A sampler working at a terminal. */
  public record SignOn(String terminal, String sampler, java.time.Instant expiresAt) {}

  /**
   * The sampler signs on at a terminal of their own site: the terminal's registrations record them
   * until sign-off, another sign-on or the end of the shift.
   */
  @Transactional
  public SignOn signOn(@Nullable String terminal, Actor sampler) {
    Site site = siteOf(sampler);
    Account device =
        accounts
            .findByLogin(terminal == null ? "" : terminal.strip())
            .filter(a -> a.kind() == AccountKind.DEVICE && a.holds(Role.SAMPLING_TERMINAL))
            .orElseThrow(() -> SuishenException.notFound("sampling.terminal.unknown"));
    Actor deviceActor = Actor.device(device.login());
    String deviceSite =
        jdbc.sql("SELECT site_code FROM sampling_assignment WHERE actor = ?")
            .param(deviceActor.toString())
            .query(String.class)
            .optional()
            .orElse(null);
    if (!site.code().equals(deviceSite)) {
      throw SuishenException.conflict("sampling.terminal.other-site", device.login());
    }
    java.time.Instant now = clock.instant();
    java.time.Instant until = now.plus(SHIFT);
    jdbc.sql(
            "INSERT INTO terminal_sign_on (terminal, sampler, signed_on_at, expires_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (terminal) DO UPDATE SET sampler ="
                + " excluded.sampler, signed_on_at = excluded.signed_on_at, expires_at ="
                + " excluded.expires_at")
        .params(device.login(), sampler.id(), Timestamp.from(now), Timestamp.from(until))
        .update();
    audit.record(AuditEvent.of(sampler, SIGNED_ON, null, "terminal " + device.login()));
    return new SignOn(device.login(), sampler.id(), until);
  }

  /** The sampler signs off the terminal (only their own sign-on ends). */
  @Transactional
  public void signOff(@Nullable String terminal, Actor sampler) {
    int ended =
        jdbc.sql("DELETE FROM terminal_sign_on WHERE terminal = ? AND sampler = ?")
            .params(terminal == null ? "" : terminal.strip(), sampler.id())
            .update();
    if (ended == 0) {
      throw SuishenException.notFound("sampling.terminal.not-signed-on");
    }
    audit.record(AuditEvent.of(sampler, SIGNED_OFF, null, "terminal " + terminal));
  }

  /** Who works where. */
  public record Assignment(String login, String accountKind, String siteCode) {}

  public List<Site> all() {
    return jdbc.sql(SELECT + " ORDER BY closed_at IS NOT NULL, code")
        .query(SamplingSites::site)
        .list();
  }

  public Optional<Site> find(String code) {
    return jdbc.sql(SELECT + " WHERE code = ?")
        .param(code.strip().toUpperCase(java.util.Locale.ROOT))
        .query(SamplingSites::site)
        .optional();
  }

  /** The open site the session works at; refused when it is assigned none or its site closed. */
  public Site siteOf(Actor actor) {
    String code =
        jdbc.sql("SELECT site_code FROM sampling_assignment WHERE actor = ?")
            .param(actor.toString())
            .query(String.class)
            .optional()
            .orElseThrow(() -> SuishenException.conflict("sampling.site.not-assigned"));
    Site site = require(code);
    if (!site.open()) {
      throw SuishenException.conflict("sampling.site.closed", site.code());
    }
    return site;
  }

  Site require(String code) {
    return find(code).orElseThrow(() -> SuishenException.notFound("sampling.site.unknown"));
  }

  private static final String SELECT =
      "SELECT code, name, address, district, street, community, opened_at, closed_at"
          + " FROM sampling_site";

  private static Site site(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Site(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("district"),
        rs.getString("street"),
        rs.getString("community"),
        rs.getTimestamp("opened_at").toInstant(),
        closed == null ? null : closed.toInstant());
  }

  private static String text(@Nullable String value, String field) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw SuishenException.badInput("sampling.site.field-required", field);
    }
    if (text.length() > MAX_TEXT) {
      throw SuishenException.badInput("sampling.site.field-too-long", field, MAX_TEXT);
    }
    return text;
  }
}
