package org.suishen.venues.internal.venue;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.Accounts;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.cache.ExpiringCache;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.security.Role;
import org.suishen.venues.internal.VenuesProperties;

/**
 * Venues, registered by their manager (a member of venue staff) or by the authority, the sentinels
 * and staff who work at them (one venue at a time each) and the venue code on their poster. What
 * the door path reads (the venue of a sentinel, a venue by its code) is kept for {@code cache-for}
 * and dropped at once on this node when it changes.
 */
@Component
public class Venues {

  static final String REGISTERED = "venues.venue.registered";
  static final String ASSIGNED = "venues.venue.member-assigned";
  static final String CODE_ROTATED = "venues.venue.code-rotated";

  private static final int MAX_TEXT = 200;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CACHED = 100_000;

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;
  private final ExpiringCache<String, Venue> byMember;
  private final ExpiringCache<String, Venue> byCode;

  Venues(
      JdbcClient jdbc,
      Accounts accounts,
      AuditTrail audit,
      Clock clock,
      VenuesProperties properties) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
    this.byMember = new ExpiringCache<>(properties.cacheFor(), CACHED);
    this.byCode = new ExpiringCache<>(properties.cacheFor(), CACHED);
  }

  /** What a new venue is given; the manager only when the authority registers it. */
  public record NewVenue(
      @Nullable String name,
      @Nullable String address,
      @Nullable String district,
      @Nullable String street,
      @Nullable String community,
      @Nullable String kind,
      @Nullable String manager) {}

  @Transactional
  public Venue register(NewVenue venue, Actor actor) {
    String name = text(venue.name(), "name");
    String address = text(venue.address(), "address");
    String district = text(venue.district(), "district");
    String street = text(venue.street(), "street");
    String community = text(venue.community(), "community");
    VenueKind kind = VenueKind.parse(venue.kind());
    String manager;
    if (authority()) {
      manager = staffWithRole(venue.manager(), Role.VENUE_STAFF).login();
    } else {
      // venue staff register their own venue and manage it
      manager = actor.id();
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO venue (id, name, address, district, street, community, kind, manager,"
                + " venue_code, code_rotated_at, registered_at, registered_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            name,
            address,
            district,
            street,
            community,
            kind.name(),
            manager,
            newCode(),
            Timestamp.from(now),
            Timestamp.from(now),
            actor.toString())
        .update();
    audit.record(
        AuditEvent.of(
            actor, REGISTERED, null, "venue " + id + " (" + kind + "), manager " + manager));
    return require(id);
  }

  public Optional<Venue> find(UUID id) {
    return jdbc.sql("SELECT * FROM venue WHERE id = ?").param(id).query(Venues::venue).optional();
  }

  public Venue require(UUID id) {
    return find(id).orElseThrow(() -> SuishenException.notFound("venues.venue.unknown"));
  }

  /**
   * The venue the caller may manage: its manager, the health authority or an administrator; anyone
   * else is told it is not theirs.
   */
  public Venue manageable(UUID id, Actor actor) {
    Venue venue = require(id);
    if (!authority() && !(actor.kind().equals("staff") && venue.manager().equals(actor.id()))) {
      throw SuishenException.forbidden("venues.venue.not-yours");
    }
    return venue;
  }

  /** Every venue (the authority's list) or the caller's own (managed or worked at). */
  public List<Venue> visibleTo(Actor actor) {
    if (authority()) {
      return jdbc.sql("SELECT * FROM venue ORDER BY district, name").query(Venues::venue).list();
    }
    return jdbc.sql(
            "SELECT * FROM venue WHERE manager = ? OR id = (SELECT venue_id FROM venue_member"
                + " WHERE actor = ?) ORDER BY name")
        .params(actor.id(), actor.toString())
        .query(Venues::venue)
        .list();
  }

  /** The venue a sentinel or member of staff works at (cached). */
  public Optional<Venue> venueOf(Actor member) {
    return Optional.ofNullable(
        byMember.get(
            member.toString(),
            key ->
                jdbc.sql(
                        "SELECT v.* FROM venue_member m JOIN venue v ON v.id = m.venue_id"
                            + " WHERE m.actor = ?")
                    .param(key)
                    .query(Venues::venue)
                    .optional()
                    .orElse(null)));
  }

  /** The venue whose poster carries this code (cached); empty for a rotated or unknown code. */
  public Optional<Venue> byCode(String venueCode) {
    return Optional.ofNullable(
        byCode.get(
            venueCode,
            code ->
                jdbc.sql("SELECT * FROM venue WHERE venue_code = ?")
                    .param(code)
                    .query(Venues::venue)
                    .optional()
                    .orElse(null)));
  }

  /** A sentinel or a member of venue staff, and the venue they work at. */
  public record Member(String login, String accountKind, UUID venueId) {}

  /**
   * Binds a sentinel (device) or a member of venue staff to the venue, moving them from any other.
   */
  @Transactional
  public Member assign(UUID venueId, @Nullable String login, Actor actor) {
    Venue venue = manageable(venueId, actor);
    Account account =
        accounts
            .findByLogin(login == null ? "" : login.strip())
            .orElseThrow(() -> SuishenException.notFound("venues.member.unknown-account"));
    Actor member;
    if (account.kind() == AccountKind.DEVICE && account.holds(Role.VENUE_SENTINEL)) {
      member = Actor.device(account.login());
    } else if (account.kind() == AccountKind.STAFF && account.holds(Role.VENUE_STAFF)) {
      member = Actor.staff(account.login());
    } else {
      throw SuishenException.badInput("venues.member.not-venue-account", account.login());
    }
    jdbc.sql(
            "INSERT INTO venue_member (actor, venue_id, assigned_at, assigned_by)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (actor) DO UPDATE SET venue_id ="
                + " excluded.venue_id, assigned_at = excluded.assigned_at, assigned_by ="
                + " excluded.assigned_by")
        .params(member.toString(), venue.id(), Timestamp.from(clock.instant()), actor.toString())
        .update();
    byMember.invalidate(member.toString());
    audit.record(AuditEvent.of(actor, ASSIGNED, null, member + " to venue " + venue.id()));
    return new Member(account.login(), account.kind().name(), venue.id());
  }

  /** The venue's sentinels and staff. */
  public List<Member> members(UUID venueId, Actor actor) {
    Venue venue = manageable(venueId, actor);
    return jdbc
        .sql("SELECT actor FROM venue_member WHERE venue_id = ? ORDER BY actor")
        .param(venue.id())
        .query(String.class)
        .list()
        .stream()
        .map(
            a -> {
              int colon = a.indexOf(':');
              String kind = a.startsWith("device:") ? "DEVICE" : "STAFF";
              return new Member(a.substring(colon + 1), kind, venue.id());
            })
        .toList();
  }

  /** A new venue code: every printed copy of the old poster stops working at once. */
  @Transactional
  public Venue rotateCode(UUID venueId, Actor actor) {
    Venue venue = manageable(venueId, actor);
    jdbc.sql("UPDATE venue SET venue_code = ?, code_rotated_at = ? WHERE id = ?")
        .params(newCode(), Timestamp.from(clock.instant()), venue.id())
        .update();
    byCode.invalidate(venue.venueCode());
    audit.record(AuditEvent.of(actor, CODE_ROTATED, null, "venue " + venue.id()));
    return require(venue.id());
  }

  private Account staffWithRole(@Nullable String login, Role role) {
    if (login == null || login.isBlank()) {
      throw SuishenException.badInput("venues.venue.manager-required");
    }
    return accounts
        .findByLogin(login.strip())
        .filter(a -> a.kind() == AccountKind.STAFF && a.holds(role))
        .orElseThrow(() -> SuishenException.badInput("venues.venue.manager-invalid", login));
  }

  private static boolean authority() {
    return CurrentActor.holds(Role.HEALTH_AUTHORITY) || CurrentActor.holds(Role.ADMINISTRATOR);
  }

  private static String newCode() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String text(@Nullable String value, String field) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw SuishenException.badInput("venues.venue.field-required", field);
    }
    if (text.length() > MAX_TEXT) {
      throw SuishenException.badInput("venues.venue.field-too-long", field, MAX_TEXT);
    }
    return text;
  }

  private static Venue venue(ResultSet rs, int row) throws SQLException {
    return new Venue(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("district"),
        rs.getString("street"),
        rs.getString("community"),
        VenueKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        rs.getString("manager"),
        rs.getString("venue_code"),
        rs.getTimestamp("code_rotated_at").toInstant(),
        rs.getTimestamp("registered_at").toInstant());
  }
}
