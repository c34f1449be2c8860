package org.suishen.venues.internal.passage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the passage log. A group of passages goes in with one statement of fixed text
 * (one array per column), so PostgreSQL plans it once whatever the group's size; a device's
 * idempotency keys are claimed the same way, and a key claimed before names its first passage.
 */
@Component
public class PassageLog {

  private static final String INSERT =
      "INSERT INTO passage (passed_at, id, venue_id, provenance, recorded_by, person_id,"
          + " credential, admitted, reason, colour, temperature, offline) SELECT * FROM"
          + " unnest(?::timestamptz[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[],"
          + " ?::text[], ?::boolean[], ?::text[], ?::text[], ?::numeric[], ?::boolean[])";

  private static final String CLAIM =
      "INSERT INTO passage_idempotency (actor, key, passage_id, passed_at, created_at)"
          + " SELECT a, k, p, t, ? FROM unnest(?::text[], ?::text[], ?::uuid[], ?::timestamptz[])"
          + " AS c (a, k, p, t) ON CONFLICT (actor, key) DO NOTHING RETURNING actor, key";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PassageLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A device's key for one passage, and the passage it would name if it is new. */
  public record Claim(String actor, String key, UUID passageId, Instant passedAt) {}

  /** Where an earlier passage of a claimed key is. */
  public record Earlier(UUID passageId, Instant passedAt) {}

  /**
   * Claims the keys (distinct pairs) inside the caller's transaction: the new ones are taken for
   * their passages; for a key claimed before, the answer names its first passage.
   */
  public Map<Claim, Earlier> claim(List<Claim> claims) {
    if (claims.isEmpty()) {
      return Map.of();
    }
    int n = claims.size();
    String[] actors = new String[n];
    String[] keys = new String[n];
    String[] ids = new String[n];
    String[] times = new String[n];
    for (int i = 0; i < n; i++) {
      Claim c = claims.get(i);
      actors[i] = c.actor();
      keys[i] = c.key();
      ids[i] = c.passageId().toString();
      times[i] = c.passedAt().toString();
    }
    Set<String> fresh = new HashSet<>();
    jdbc.query(
        CLAIM,
        rs -> {
          fresh.add(rs.getString(1) + '\n' + rs.getString(2));
        },
        Timestamp.from(clock.instant()),
        actors,
        keys,
        ids,
        times);
    var taken = new ArrayList<Claim>();
    for (Claim c : claims) {
      if (!fresh.contains(c.actor() + '\n' + c.key())) {
        taken.add(c);
      }
    }
    var earlier = new HashMap<Claim, Earlier>();
    if (taken.isEmpty()) {
      return earlier;
    }
    var byKey = new HashMap<String, Claim>();
    taken.forEach(c -> byKey.put(c.actor() + '\n' + c.key(), c));
    jdbc.query(
        "SELECT i.actor, i.key, i.passage_id, i.passed_at FROM passage_idempotency i"
            + " JOIN unnest(?::text[], ?::text[]) AS c (a, k) ON i.actor = c.a AND i.key = c.k",
        rs -> {
          Claim c = byKey.get(rs.getString(1) + '\n' + rs.getString(2));
          if (c != null) {
            earlier.put(
                c, new Earlier(rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()));
          }
        },
        taken.stream().map(Claim::actor).toArray(String[]::new),
        taken.stream().map(Claim::key).toArray(String[]::new));
    return earlier;
  }

  /** Inserts a group of passages inside the caller's transaction. */
  public void insert(List<Passage> passages) {
    if (passages.isEmpty()) {
      return;
    }
    int n = passages.size();
    String[] passedAt = new String[n];
    String[] id = new String[n];
    String[] venue = new String[n];
    String[] provenance = new String[n];
    String[] recordedBy = new String[n];
    String[] person = new String[n];
    String[] credential = new String[n];
    String[] admitted = new String[n];
    String[] reason = new String[n];
    String[] colour = new String[n];
    String[] temperature = new String[n];
    String[] offline = new String[n];
    for (int i = 0; i < n; i++) {
      Passage p = passages.get(i);
      passedAt[i] = p.passedAt().toString();
      id[i] = p.id().toString();
      venue[i] = p.venueId().toString();
      provenance[i] = p.provenance().name();
      recordedBy[i] = p.recordedBy();
      person[i] = p.personId() == null ? null : p.personId().toString();
      credential[i] = p.credential();
      admitted[i] = Boolean.toString(p.admitted());
      reason[i] = p.reason();
      colour[i] = p.colour();
      temperature[i] = p.temperature() == null ? null : p.temperature().toPlainString();
      offline[i] = Boolean.toString(p.offline());
    }
    jdbc.update(
        INSERT,
        passedAt,
        id,
        venue,
        provenance,
        recordedBy,
        person,
        credential,
        admitted,
        reason,
        colour,
        temperature,
        offline);
  }

  /** The passages with these ids and times (the first answers of replayed keys), in order. */
  public List<Passage> find(List<Earlier> earlier) {
    if (earlier.isEmpty()) {
      return List.of();
    }
    var byId = new HashMap<UUID, Passage>();
    jdbc.query(
        "SELECT p.* FROM passage p JOIN unnest(?::timestamptz[], ?::uuid[]) AS e (t, i)"
            + " ON p.passed_at = e.t AND p.id = e.i",
        rs -> {
          Passage passage = passage(rs);
          byId.put(passage.id(), passage);
        },
        earlier.stream().map(e -> e.passedAt().toString()).toArray(String[]::new),
        earlier.stream().map(e -> e.passageId().toString()).toArray(String[]::new));
    var found = new ArrayList<Passage>(earlier.size());
    for (Earlier e : earlier) {
      Passage passage = byId.get(e.passageId());
      if (passage != null) {
        found.add(passage);
      }
    }
    return found;
  }

  public static Passage passage(ResultSet rs) throws SQLException {
    return new Passage(
        rs.getTimestamp("passed_at").toInstant(),
        rs.getObject("id", UUID.class),
        rs.getObject("venue_id", UUID.class),
        Provenance.valueOf(rs.getString("provenance")),
        rs.getString("recorded_by"),
        rs.getObject("person_id", UUID.class),
        rs.getString("credential"),
        rs.getBoolean("admitted"),
        rs.getString("reason"),
        rs.getString("colour"),
        rs.getBigDecimal("temperature"),
        rs.getBoolean("offline"));
  }
}
