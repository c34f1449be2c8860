package org.suishen.status.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.LatestTests;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;
import org.suishen.status.internal.policy.TestResults;

/**
 * Each person's test results as the engine keeps them ({@code test_result_state}). A batch of
 * results is folded in with a few statements whatever its size: the existing rows locked in person
 * order (two labs reporting the same person at once wait for each other, never lose a result),
 * merged and written back; first results inserted as they are (one write, no empty row first).
 */
@Repository
class TestResultStates implements LatestTests {

  /** What a batch changed: whose colour may change, and who is newly recalled for a retest. */
  record Folded(List<UUID> colourRelevant, List<UUID> recalled) {}

  private final JdbcClient jdbc;

  TestResultStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Folded fold(List<TestResultFact> facts, Instant now) {
    var byPerson = new LinkedHashMap<UUID, List<TestResultFact>>();
    facts.forEach(f -> byPerson.computeIfAbsent(f.personId(), k -> new ArrayList<>()).add(f));
    var relevant = new ArrayList<UUID>();
    var recalled = new ArrayList<UUID>();
    Collection<UUID> pending = byPerson.keySet();
    // a person's first result is one INSERT; the others are locked in person order, merged and
    // written back; a first result another batch inserted meanwhile goes round again, locked
    for (int round = 0; !pending.isEmpty(); round++) {
      if (round > 3) {
        throw new IllegalStateException("test results of " + pending.size() + " people unsettled");
      }
      Map<UUID, TestResults> before = new HashMap<>();
      jdbc.sql(
              "SELECT * FROM test_result_state WHERE person_id = ANY(?::uuid[])"
                  + " ORDER BY person_id FOR UPDATE")
          .param(Sql.uuids(pending))
          .query(
              (RowCallbackHandler)
                  rs -> before.put(rs.getObject("person_id", UUID.class), results(rs)));
      var updated = new LinkedHashMap<UUID, TestResults>();
      var created = new LinkedHashMap<UUID, TestResults>();
      var olds = new HashMap<UUID, TestResults>();
      for (UUID person : pending) {
        TestResults old = before.getOrDefault(person, TestResults.NONE);
        TestResults merged = old;
        for (TestResultFact fact : byPerson.get(person)) {
          merged = merged.with(fact);
        }
        if (merged.equals(old)) {
          continue;
        }
        olds.put(person, old);
        (before.containsKey(person) ? updated : created).put(person, merged);
      }
      if (!updated.isEmpty()) {
        write(updated, now);
      }
      Set<UUID> inserted = created.isEmpty() ? Set.of() : insert(created, now);
      var done = new ArrayList<UUID>(updated.keySet());
      done.addAll(inserted);
      for (UUID person : done) {
        TestResults old = olds.get(person);
        TestResults merged =
            updated.containsKey(person) ? updated.get(person) : created.get(person);
        if (old.colourRelevant() || merged.colourRelevant()) {
          relevant.add(person);
        }
        if (merged.pendingRetest() && !merged.retestSampledAt().equals(old.retestSampledAt())) {
          recalled.add(person);
        }
      }
      pending = created.keySet().stream().filter(p -> !inserted.contains(p)).toList();
    }
    return new Folded(relevant, recalled);
  }

  /** The states as one array per column, named v(p, ns, nr, so, ss, sr, rs, rr). */
  private static final String STATES =
      " unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[],"
          + " ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::timestamptz[],"
          + " ?::text[]::timestamptz[]) AS v(p, ns, nr, so, ss, sr, rs, rr)";

  /** First results: the people whose row this batch created (not one another batch just did). */
  private Set<UUID> insert(Map<UUID, TestResults> states, Instant now) {
    return new HashSet<>(
        jdbc.sql(
                "INSERT INTO test_result_state (person_id, negative_sampled_at,"
                    + " negative_reported_at, single_outcome, single_sampled_at, single_reported_at,"
                    + " retest_sampled_at, retest_reported_at, updated_at)"
                    + " SELECT v.p, v.ns, v.nr, v.so, v.ss, v.sr, v.rs, v.rr, ? FROM"
                    + STATES
                    + " ORDER BY v.p ON CONFLICT (person_id) DO NOTHING RETURNING person_id")
            .params(parameters(states, now))
            .query(UUID.class)
            .list());
  }

  private void write(Map<UUID, TestResults> states, Instant now) {
    jdbc.sql(
            "UPDATE test_result_state s SET negative_sampled_at = v.ns, negative_reported_at = v.nr,"
                + " single_outcome = v.so, single_sampled_at = v.ss, single_reported_at = v.sr,"
                + " retest_sampled_at = v.rs, retest_reported_at = v.rr, updated_at = ? FROM"
                + STATES
                + " WHERE s.person_id = v.p")
        .params(parameters(states, now))
        .update();
  }

  /** The time of the change, then the states' columns. */
  private static Object[] parameters(Map<UUID, TestResults> states, Instant now) {
    var rows = new ArrayList<>(states.entrySet());
    return new Object[] {
      Sql.time(now),
      rows.stream().map(Map.Entry::getKey).toArray(UUID[]::new),
      times(rows, TestResults::negativeSampledAt),
      times(rows, TestResults::negativeReportedAt),
      rows.stream()
          .map(e -> e.getValue().singleOutcome())
          .map(o -> o == null ? null : o.name())
          .toArray(String[]::new),
      times(rows, TestResults::singleSampledAt),
      times(rows, TestResults::singleReportedAt),
      times(rows, TestResults::retestSampledAt),
      times(rows, TestResults::retestReportedAt)
    };
  }

  private static String[] times(
      List<Map.Entry<UUID, TestResults>> rows,
      java.util.function.Function<TestResults, Instant> part) {
    return rows.stream()
        .map(e -> part.apply(e.getValue()))
        .map(t -> t == null ? null : t.toString())
        .toArray(String[]::new);
  }

  /** The stored results of these people (for the engine's facts). */
  Map<UUID, TestResults> load(Collection<UUID> personIds) {
    var loaded = new HashMap<UUID, TestResults>();
    jdbc.sql("SELECT * FROM test_result_state WHERE person_id = ANY(?::uuid[])")
        .param(Sql.uuids(personIds))
        .query(
            (RowCallbackHandler)
                rs -> loaded.put(rs.getObject("person_id", UUID.class), results(rs)));
    return loaded;
  }

  @Override
  public Optional<Latest> of(UUID personId) {
    return Optional.ofNullable(ofAll(List.of(personId)).get(personId));
  }

  @Override
  public Map<UUID, Latest> ofAll(Collection<UUID> personIds) {
    var found = new HashMap<UUID, Latest>();
    if (personIds.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT p.person_id, s.taken_at, r.negative_sampled_at, r.negative_reported_at"
                + " FROM unnest(?::uuid[]) AS p (person_id)"
                + " LEFT JOIN latest_sample s ON s.person_id = p.person_id"
                + " LEFT JOIN test_result_state r ON r.person_id = p.person_id"
                + " WHERE s.person_id IS NOT NULL OR r.negative_sampled_at IS NOT NULL")
        .param(Sql.uuids(personIds))
        .query(
            (RowCallbackHandler)
                rs ->
                    found.put(
                        rs.getObject("person_id", UUID.class),
                        new Latest(
                            Sql.instant(rs, "taken_at"),
                            Sql.instant(rs, "negative_sampled_at"),
                            Sql.instant(rs, "negative_reported_at"))));
    return found;
  }

  private static TestResults results(ResultSet rs) throws SQLException {
    String outcome = rs.getString("single_outcome");
    return new TestResults(
        Sql.instant(rs, "negative_sampled_at"),
        Sql.instant(rs, "negative_reported_at"),
        outcome == null ? null : TestOutcome.valueOf(outcome),
        Sql.instant(rs, "single_sampled_at"),
        Sql.instant(rs, "single_reported_at"),
        Sql.instant(rs, "retest_sampled_at"),
        Sql.instant(rs, "retest_reported_at"));
  }
}
