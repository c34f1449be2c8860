package org.suishen.status.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.StatusFacts;
import org.suishen.status.TestResultFact;

/** Stores single facts from other contexts and evaluates the person at once. */
@Service
class StatusFactsService implements StatusFacts {

  /** Region codes: letters, digits, dots and dashes (administrative codes such as 420100). */
  static final Pattern REGION_CODE = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{1,31}");

  private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9\\-]{1,31}");

  private final JdbcClient jdbc;
  private final StatusRows rows;
  private final StatusEngine engine;
  private final StatusProperties properties;
  private final TestResultStates results;
  private final StatusNotices notices;

  StatusFactsService(
      JdbcClient jdbc,
      StatusRows rows,
      StatusEngine engine,
      StatusProperties properties,
      TestResultStates results,
      StatusNotices notices) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.engine = engine;
    this.properties = properties;
    this.results = results;
    this.notices = notices;
  }

  @Override
  @Transactional
  public void recordResults(List<TestResultFact> reported) {
    if (reported.isEmpty()) {
      return;
    }
    Instant now = engine.now();
    var folded = results.fold(reported, now);
    notices.retestRecalls(folded.recalled(), StatusNotices.RETEST_RECALL_MESSAGE, now);
    // the family member who brought a recalled person is told too (a child has no phone)
    var recalled = new java.util.HashSet<>(folded.recalled());
    notices.retestRecalls(
        reported.stream()
            .filter(f -> f.guardianPersonId() != null && recalled.contains(f.personId()))
            .map(TestResultFact::guardianPersonId)
            .distinct()
            .toList(),
        StatusNotices.RETEST_RECALL_FAMILY_MESSAGE,
        now);
    if (!folded.colourRelevant().isEmpty()) {
      Cause cause = new Cause(Actor.system("lab"), "test-result");
      rows.markDue(folded.colourRelevant(), now, cause);
      engine.reevaluate(folded.colourRelevant(), cause, now);
    }
  }

  /** The canonical form of a region code, or {@code null} if it is malformed. */
  static @org.jspecify.annotations.Nullable String canonicalRegion(String code) {
    String canonical = code.strip().toUpperCase(Locale.ROOT);
    return REGION_CODE.matcher(canonical).matches() ? canonical : null;
  }

  @Override
  @Transactional
  public void recordArrival(UUID personId, String regionCode, LocalDate arrivedOn, String source) {
    String region = canonicalRegion(regionCode);
    if (region == null) {
      throw SuishenException.badInput("status.region.invalid");
    }
    if (!SOURCE.matcher(source).matches()) {
      throw SuishenException.badInput("status.source.invalid");
    }
    Instant now = engine.now();
    if (arrivedOn.isAfter(LocalDate.ofInstant(now, engine.zone()))) {
      throw SuishenException.badInput("status.arrival.in-future");
    }
    int inserted =
        jdbc.sql(
                "INSERT INTO region_arrival (person_id, region_code, arrived_on, source,"
                    + " recorded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .param(personId)
            .param(region)
            .param(arrivedOn)
            .param(source)
            .param(Sql.time(now))
            .update();
    if (inserted > 0) {
      evaluate(personId, new Cause(Actor.system(source), "arrival"), now);
    }
  }

  @Override
  @Transactional
  public void recordSample(UUID personId, Instant takenAt) {
    Instant now = engine.now();
    int changed =
        jdbc.sql(
                "INSERT INTO latest_sample AS s (person_id, taken_at) VALUES (?, ?)"
                    + " ON CONFLICT (person_id) DO UPDATE SET taken_at = EXCLUDED.taken_at"
                    + " WHERE s.taken_at < EXCLUDED.taken_at")
            .param(personId)
            .param(Sql.time(takenAt))
            .update();
    if (changed > 0 && properties.noRecentTest().enabled()) {
      evaluate(personId, new Cause(Actor.system("sampling"), "sample"), now);
    }
  }

  @Override
  @Transactional
  public void recordSamples(java.util.Map<UUID, Instant> takenAt) {
    if (takenAt.size() < 2) {
      takenAt.forEach(this::recordSample);
      return;
    }
    Instant now = engine.now();
    var people = new java.util.ArrayList<>(takenAt.keySet());
    java.util.List<UUID> changed =
        jdbc.sql(
                "INSERT INTO latest_sample AS s (person_id, taken_at)"
                    + " SELECT * FROM unnest(?::uuid[], ?::text[]::timestamptz[]) ORDER BY 1"
                    + " ON CONFLICT (person_id) DO UPDATE SET taken_at = EXCLUDED.taken_at"
                    + " WHERE s.taken_at < EXCLUDED.taken_at RETURNING person_id")
            .param(people.toArray(UUID[]::new))
            .param(people.stream().map(p -> takenAt.get(p).toString()).toArray(String[]::new))
            .query(UUID.class)
            .list();
    if (properties.noRecentTest().enabled()) {
      changed.forEach(p -> evaluate(p, new Cause(Actor.system("sampling"), "sample"), now));
    }
  }

  @Override
  @Transactional
  public void declarationReceived(UUID personId, Instant at, boolean symptoms) {
    Instant now = engine.now();
    int changed =
        jdbc.sql(
                "INSERT INTO declaration_state AS d (person_id, declared_at, symptoms)"
                    + " VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE"
                    + " SET declared_at = EXCLUDED.declared_at, symptoms = EXCLUDED.symptoms"
                    + " WHERE d.declared_at IS NULL OR d.declared_at < EXCLUDED.declared_at")
            .param(personId)
            .param(Sql.time(at))
            .param(symptoms)
            .update();
    if (changed > 0) {
      evaluate(personId, new Cause(Actor.system("declaration"), "declaration"), now);
    }
  }

  private void evaluate(UUID personId, Cause cause, Instant now) {
    rows.markDue(List.of(personId), now, cause);
    engine.reevaluate(List.of(personId), cause, now);
  }
}
