package org.suishen.sampling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Tubes at a site (S4): opened single or pooled with a size the city allows, sealed when full or by
 * hand (a partly filled pooled tube too, never an empty one); nothing joins a sealed tube.
 */
@Component
public class Tubes {

  static final String OPENED = "sampling.tube.opened";
  static final String SEALED = "sampling.tube.sealed";

  private final JdbcClient jdbc;
  private final SamplingSites sites;
  private final SamplingProperties properties;
  private final PopulationRegister register;
  private final AuditTrail audit;
  private final Clock clock;

  Tubes(
      JdbcClient jdbc,
      SamplingSites sites,
      SamplingProperties properties,
      PopulationRegister register,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.sites = sites;
    this.properties = properties;
    this.register = register;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Tube open(@Nullable String barcode, @Nullable Integer capacity, Actor actor) {
    TubeBarcode tube =
        TubeBarcode.parse(barcode)
            .orElseThrow(() -> SuishenException.badInput("sampling.tube.barcode-invalid"));
    if (capacity == null || !properties.tubeSizes().contains(capacity)) {
      throw SuishenException.badInput(
          "sampling.tube.capacity-invalid",
          properties.tubeSizes().stream().sorted().map(String::valueOf).toList().toString());
    }
    Site site = sites.siteOf(actor);
    int inserted =
        jdbc.sql(
                "INSERT INTO tube (barcode, site_code, capacity, opened_at, opened_by)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (barcode) DO NOTHING")
            .params(
                tube.value(),
                site.code(),
                capacity,
                Timestamp.from(clock.instant()),
                actor.toString())
            .update();
    if (inserted == 0) {
      throw SuishenException.conflict("sampling.tube.used", tube.value());
    }
    audit.record(AuditEvent.of(actor, OPENED, null, "tube " + tube.value() + " at " + site.code()));
    return view(tube.value());
  }

  /** Seals by hand: a partly filled tube may be sealed, an empty one not. */
  @Transactional
  public Tube seal(String barcode, Actor actor) {
    Locked tube = lockOpen(barcode, actor);
    if (tube.members() == 0) {
      throw SuishenException.conflict("sampling.tube.empty", tube.barcode());
    }
    sealLocked(tube.barcode(), actor);
    return view(tube.barcode());
  }

  /** The tube as its site sees it; refused for a tube of another site. */
  public Tube find(String barcode, Actor actor) {
    Locked tube = read(barcode);
    if (!tube.siteCode().equals(sites.siteOf(actor).code())) {
      throw SuishenException.forbidden("sampling.tube.other-site", tube.barcode());
    }
    return view(tube.barcode());
  }

  /** A tube as read (locked, for a change), with its fill. */
  record Locked(String barcode, String siteCode, int capacity, int members, boolean sealed) {}

  /**
   * Where a session works: its site (none when unassigned), whether that site is open, the sampler.
   */
  record Session(@Nullable String assignedSite, boolean siteOpen, @Nullable String sampler) {}

  private static final Session NOWHERE = new Session(null, false, null);

  private static final String TUBE =
      "SELECT barcode, site_code, capacity, members, sealed_at IS NOT NULL AS sealed FROM tube";

  private static Locked tube(ResultSet rs) throws SQLException {
    return new Locked(
        rs.getString("barcode"),
        rs.getString("site_code"),
        rs.getInt("capacity"),
        rs.getInt("members"),
        rs.getBoolean("sealed"));
  }

  /** A tube locked for a change, open and at the caller's site (the group's rule, for one). */
  Locked lockOpen(String barcode, Actor actor) {
    String value =
        TubeBarcode.parse(barcode)
            .map(TubeBarcode::value)
            .orElseThrow(() -> SuishenException.notFound("sampling.tube.unknown"));
    Locked tube = lockAll(List.of(value)).get(value);
    if (tube == null) {
      throw SuishenException.notFound("sampling.tube.unknown");
    }
    admit(tube, session(sessions(List.of(actor)), actor));
    return tube;
  }

  /** The session of this actor among those read; an unassigned one if it was not there. */
  static Session session(Map<String, Session> sessions, Actor actor) {
    return sessions.getOrDefault(actor.toString(), NOWHERE);
  }

  /**
   * The rule for changing a tube: the session works at an open site, the tube is of that site and
   * not sealed. The same refusals, in the same order, as {@code siteOf(actor)} and then the tube.
   */
  static void admit(Locked tube, Session session) {
    if (session.assignedSite() == null) {
      throw SuishenException.conflict("sampling.site.not-assigned");
    }
    if (!session.siteOpen()) {
      throw SuishenException.conflict("sampling.site.closed", session.assignedSite());
    }
    if (!tube.siteCode().equals(session.assignedSite())) {
      throw SuishenException.forbidden("sampling.tube.other-site", tube.barcode());
    }
    if (tube.sealed()) {
      throw SuishenException.conflict("sampling.tube.sealed", tube.barcode());
    }
  }

  /** These tubes, locked in barcode order (two groups lock the same tubes in the same order). */
  Map<String, Locked> lockAll(Collection<String> barcodes) {
    var locked = new HashMap<String, Locked>();
    jdbc.sql(TUBE + " WHERE barcode = ANY(?) ORDER BY barcode FOR UPDATE")
        .param(barcodes.toArray(String[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  Locked tube = tube(rs);
                  locked.put(tube.barcode(), tube);
                });
    return locked;
  }

  /** Where each of these sessions works, by {@code actor.toString()}. */
  Map<String, Session> sessions(Collection<Actor> actors) {
    var sessions = new HashMap<String, Session>();
    List<Actor> all = List.copyOf(actors);
    jdbc.sql(
            "SELECT v.actor, a.site_code, s.closed_at IS NULL, (SELECT o.sampler FROM"
                + " terminal_sign_on o WHERE o.terminal = v.terminal AND o.expires_at > ?)"
                + " FROM unnest(?::text[], ?::text[]) AS v(actor, terminal)"
                + " LEFT JOIN sampling_assignment a ON a.actor = v.actor"
                + " LEFT JOIN sampling_site s ON s.code = a.site_code")
        .param(Timestamp.from(clock.instant()))
        .param(all.stream().map(Actor::toString).toArray(String[]::new))
        .param(all.stream().map(Tubes::terminalOf).toArray(String[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    sessions.put(
                        rs.getString(1),
                        new Session(rs.getString(2), rs.getBoolean(3), rs.getString(4))));
    return sessions;
  }

  private static String terminalOf(Actor actor) {
    return "device".equals(actor.kind()) ? actor.id() : "";
  }

  /** Seals tubes a group filled, each by the session whose registration filled it. */
  void sealAllLocked(Map<String, Actor> filledBy) {
    if (filledBy.isEmpty()) {
      return;
    }
    if (filledBy.size() == 1) {
      filledBy.forEach(this::sealLocked);
      return;
    }
    var barcodes = new ArrayList<>(filledBy.keySet());
    jdbc.sql(
            "UPDATE tube t SET sealed_at = ?, sealed_by = v.b FROM unnest(?::text[], ?::text[])"
                + " AS v(t, b) WHERE t.barcode = v.t")
        .param(Timestamp.from(clock.instant()))
        .param(barcodes.toArray(String[]::new))
        .param(barcodes.stream().map(b -> filledBy.get(b).toString()).toArray(String[]::new))
        .update();
    jdbc.sql("DELETE FROM open_tube_member WHERE tube_barcode = ANY(?)")
        .param(barcodes.toArray(String[]::new))
        .update();
    audit.recordAll(
        barcodes.stream()
            .map(b -> AuditEvent.of(filledBy.get(b), SEALED, null, "tube " + b))
            .toList());
  }

  void sealLocked(String barcode, Actor actor) {
    jdbc.sql("UPDATE tube SET sealed_at = ?, sealed_by = ? WHERE barcode = ?")
        .params(Timestamp.from(clock.instant()), actor.toString(), barcode)
        .update();
    jdbc.sql("DELETE FROM open_tube_member WHERE tube_barcode = ?").param(barcode).update();
    audit.record(AuditEvent.of(actor, SEALED, null, "tube " + barcode));
  }

  private Locked read(String barcode) {
    String value =
        TubeBarcode.parse(barcode)
            .map(TubeBarcode::value)
            .orElseThrow(() -> SuishenException.notFound("sampling.tube.unknown"));
    return jdbc.sql(TUBE + " WHERE barcode = ?")
        .param(value)
        .query((rs, n) -> tube(rs))
        .optional()
        .orElseThrow(() -> SuishenException.notFound("sampling.tube.unknown"));
  }

  Tube view(String barcode) {
    List<Row> rows =
        jdbc.sql(
                "SELECT id, person_id, credential, registered_at FROM sampling_registration"
                    + " WHERE tube_barcode = ? AND withdrawn_at IS NULL ORDER BY registered_at")
            .param(barcode)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("credential"),
                        rs.getTimestamp("registered_at").toInstant()))
            .list();
    List<Tube.Member> people =
        rows.stream()
            .map(
                r ->
                    new Tube.Member(
                        r.id(),
                        register.find(r.personId()).map(p -> p.maskedName()).orElse("?"),
                        r.credential(),
                        r.at()))
            .toList();
    return jdbc.sql(
            "SELECT barcode, site_code, capacity, members, opened_at, sealed_at FROM tube"
                + " WHERE barcode = ?")
        .param(barcode)
        .query((rs, n) -> tube(rs, people))
        .single();
  }

  private record Row(UUID id, UUID personId, String credential, java.time.Instant at) {}

  private static Tube tube(ResultSet rs, List<Tube.Member> people) throws SQLException {
    Timestamp sealed = rs.getTimestamp("sealed_at");
    return new Tube(
        rs.getString("barcode"),
        rs.getString("site_code"),
        rs.getInt("capacity"),
        rs.getInt("members"),
        rs.getTimestamp("opened_at").toInstant(),
        sealed == null ? null : sealed.toInstant(),
        people);
  }
}
