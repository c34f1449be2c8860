package org.suishen.venues.internal.rule;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.cache.ExpiringCache;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.venues.internal.VenuesProperties;
import org.suishen.venues.internal.venue.Venue;
import org.suishen.venues.internal.venue.VenueKind;

/**
 * The rules doors apply: each venue's own (set by its manager, {@link AdmissionRule#DEFAULT} until
 * then) and the city's rules over kinds of venue from a moment on (set by the authority). Rules are
 * data: a change is audited and takes effect on this node at once, on the others within {@code
 * cache-for}, without a restart.
 */
@Component
public class VenueRules {

  static final String VENUE_RULE_SET = "venues.rule.set";
  static final String CITY_RULE_SET = "venues.city-rule.set";
  static final String CITY_RULE_WITHDRAWN = "venues.city-rule.withdrawn";

  private static final int MAX_REASON = 500;

  /** What a sentinel does with an ID card while the centre cannot be reached. */
  public enum OfflineIdCard {
    REFUSE,
    ADMIT_FLAGGED;

    public static OfflineIdCard parse(@Nullable String name) {
      if (name == null || name.isBlank()) {
        return REFUSE;
      }
      try {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw SuishenException.badInput("venues.rule.offline-id-card-invalid");
      }
    }
  }

  /** A venue's own rule with its offline ID-card setting. */
  public record VenueRule(AdmissionRule rule, OfflineIdCard offlineIdCard) {

    static final VenueRule DEFAULT = new VenueRule(AdmissionRule.DEFAULT, OfflineIdCard.REFUSE);
  }

  /** A city rule over a kind of venue. */
  public record CityRule(
      UUID id,
      VenueKind kind,
      Instant effectiveFrom,
      AdmissionRule rule,
      String reason,
      Instant setAt,
      @Nullable Instant withdrawnAt) {

    boolean inForce(Instant at) {
      return withdrawnAt == null && !effectiveFrom.isAfter(at);
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final ExpiringCache<UUID, VenueRule> venueRules;

  /** The city rules not withdrawn, under one key. */
  private final ExpiringCache<Boolean, List<CityRule>> cityRules;

  VenueRules(JdbcClient jdbc, AuditTrail audit, Clock clock, VenuesProperties properties) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.venueRules = new ExpiringCache<>(properties.cacheFor(), 100_000);
    this.cityRules = new ExpiringCache<>(properties.cacheFor(), 1);
  }

  /** The venue's own rule (the default until its manager sets one). */
  public VenueRule venueRule(UUID venueId) {
    VenueRule rule =
        venueRules.get(
            venueId,
            id ->
                jdbc.sql("SELECT * FROM venue_rule WHERE venue_id = ?")
                    .param(id)
                    .query(
                        (rs, n) ->
                            new VenueRule(
                                rule(rs), OfflineIdCard.valueOf(rs.getString("offline_id_card"))))
                    .optional()
                    .orElse(VenueRule.DEFAULT));
    return java.util.Objects.requireNonNull(rule);
  }

  /** What the venue's door asks at {@code at}: its own rule and the city's rules in force. */
  public EffectiveRule effective(Venue venue, Instant at) {
    var rules = new ArrayList<AdmissionRule>();
    rules.add(venueRule(venue.id()).rule());
    for (CityRule city : cityRules()) {
      if (city.kind() == venue.kind() && city.inForce(at)) {
        rules.add(city.rule());
      }
    }
    return new EffectiveRule(rules);
  }

  /** Replaces the venue's own rule (the caller checked that the venue is the actor's to manage). */
  @Transactional
  public VenueRule setVenueRule(
      Venue venue, AdmissionRule rule, OfflineIdCard offline, Actor actor) {
    jdbc.sql(
            "INSERT INTO venue_rule (venue_id, admitted_colours, negative_within_hours,"
                + " sampled_within_hours, max_temperature, offline_id_card, changed_at, changed_by)"
                + " VALUES (?, ?::text[], ?, ?, ?, ?, ?, ?) ON CONFLICT (venue_id) DO UPDATE SET"
                + " admitted_colours = excluded.admitted_colours, negative_within_hours ="
                + " excluded.negative_within_hours, sampled_within_hours ="
                + " excluded.sampled_within_hours, max_temperature = excluded.max_temperature,"
                + " offline_id_card = excluded.offline_id_card, changed_at = excluded.changed_at,"
                + " changed_by = excluded.changed_by")
        .params(
            venue.id(),
            colours(rule.admittedColours()),
            rule.negativeWithinHours(),
            rule.sampledWithinHours(),
            rule.maxTemperature(),
            offline.name(),
            Timestamp.from(clock.instant()),
            actor.toString())
        .update();
    venueRules.invalidate(venue.id());
    audit.record(AuditEvent.of(actor, VENUE_RULE_SET, null, "venue " + venue.id() + ": " + rule));
    return venueRule(venue.id());
  }

  /** Lays a rule over every venue of a kind from {@code effectiveFrom} on. */
  @Transactional
  public CityRule setCityRule(
      VenueKind kind,
      @Nullable Instant effectiveFrom,
      AdmissionRule rule,
      @Nullable String reason,
      Actor actor) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw SuishenException.badInput("venues.city-rule.reason-required", MAX_REASON);
    }
    Instant now = clock.instant();
    Instant from = effectiveFrom == null ? now : effectiveFrom;
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO city_venue_rule (id, kind, effective_from, admitted_colours,"
                + " negative_within_hours, sampled_within_hours, max_temperature, reason, set_at,"
                + " set_by) VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            kind.name(),
            Timestamp.from(from),
            colours(rule.admittedColours()),
            rule.negativeWithinHours(),
            rule.sampledWithinHours(),
            rule.maxTemperature(),
            why,
            Timestamp.from(now),
            actor.toString())
        .update();
    cityRules.invalidate(Boolean.TRUE);
    audit.record(
        AuditEvent.of(
            actor, CITY_RULE_SET, null, kind + " from " + from + ": " + rule + " (" + why + ")"));
    return cityRules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Transactional
  public CityRule withdrawCityRule(UUID id, Actor actor) {
    int changed =
        jdbc.sql(
                "UPDATE city_venue_rule SET withdrawn_at = ?, withdrawn_by = ?"
                    + " WHERE id = ? AND withdrawn_at IS NULL")
            .params(Timestamp.from(clock.instant()), actor.toString(), id)
            .update();
    if (changed == 0) {
      throw SuishenException.notFound("venues.city-rule.unknown");
    }
    cityRules.invalidate(Boolean.TRUE);
    audit.record(AuditEvent.of(actor, CITY_RULE_WITHDRAWN, null, "city rule " + id));
    return jdbc.sql("SELECT * FROM city_venue_rule WHERE id = ?")
        .param(id)
        .query(VenueRules::cityRule)
        .single();
  }

  /** The city rules not withdrawn (in force now or later), newest first. */
  public List<CityRule> cityRules() {
    List<CityRule> rules =
        cityRules.get(
            Boolean.TRUE,
            k ->
                jdbc.sql(
                        "SELECT * FROM city_venue_rule WHERE withdrawn_at IS NULL"
                            + " ORDER BY effective_from DESC")
                    .query(VenueRules::cityRule)
                    .list());
    return java.util.Objects.requireNonNull(rules);
  }

  private static String colours(Set<Colour> colours) {
    return "{" + String.join(",", colours.stream().sorted().map(Enum::name).toList()) + "}";
  }

  private static AdmissionRule rule(ResultSet rs) throws SQLException {
    Array array = rs.getArray("admitted_colours");
    Set<Colour> colours = EnumSet.noneOf(Colour.class);
    for (Object c : (Object[]) array.getArray()) {
      colours.add(Colour.valueOf((String) c));
    }
    BigDecimal limit = rs.getBigDecimal("max_temperature");
    return new AdmissionRule(
        colours,
        rs.getObject("negative_within_hours", Integer.class),
        rs.getObject("sampled_within_hours", Integer.class),
        limit);
  }

  private static CityRule cityRule(ResultSet rs, int row) throws SQLException {
    Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
    return new CityRule(
        rs.getObject("id", UUID.class),
        VenueKind.valueOf(rs.getString("kind")),
        rs.getTimestamp("effective_from").toInstant(),
        rule(rs),
        rs.getString("reason"),
        rs.getTimestamp("set_at").toInstant(),
        withdrawn == null ? null : withdrawn.toInstant());
  }
}
