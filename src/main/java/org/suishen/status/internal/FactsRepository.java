package org.suishen.status.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.Colour;
import org.suishen.status.internal.policy.KeyRegionListing;
import org.suishen.status.internal.policy.ManualOverride;
import org.suishen.status.internal.policy.MedicalOrder;
import org.suishen.status.internal.policy.OrderKind;
import org.suishen.status.internal.policy.PersonFacts;
import org.suishen.status.internal.policy.RegionArrival;
import org.suishen.status.internal.policy.TestResults;

/**
 * Loads the facts of many people at once: one query per kind of fact for a whole batch, so that a
 * batch of thousands costs a handful of round trips.
 */
@Repository
public class FactsRepository {

  private final JdbcClient jdbc;
  private final TestResultStates results;

  FactsRepository(JdbcClient jdbc, TestResultStates results) {
    this.jdbc = jdbc;
    this.results = results;
  }

  /**
   * The facts of these people; arrivals only from {@code arrivalsFrom} on (older ones can no longer
   * make anyone yellow).
   */
  public Map<UUID, PersonFacts> load(Collection<UUID> personIds, LocalDate arrivalsFrom) {
    String[] ids = Sql.uuids(personIds);
    var orders = new HashMap<UUID, List<MedicalOrder>>();
    jdbc.sql(
            "SELECT person_id, order_id, kind, starts_at, ends_at, source, recorded_at"
                + " FROM medical_order WHERE person_id = ANY(?::uuid[])")
        .param(ids)
        .query(
            rs -> {
              orders
                  .computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new MedicalOrder(
                          rs.getString("order_id"),
                          OrderKind.valueOf(rs.getString("kind")),
                          Sql.instant(rs, "starts_at"),
                          Sql.instant(rs, "ends_at"),
                          rs.getString("source"),
                          Sql.instant(rs, "recorded_at")));
            });
    var arrivals = new HashMap<UUID, List<RegionArrival>>();
    jdbc.sql(
            "SELECT person_id, region_code, arrived_on, source, recorded_at FROM region_arrival"
                + " WHERE person_id = ANY(?::uuid[]) AND arrived_on >= ?")
        .param(ids)
        .param(arrivalsFrom)
        .query(
            rs -> {
              arrivals
                  .computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new RegionArrival(
                          rs.getString("region_code"),
                          rs.getObject("arrived_on", LocalDate.class),
                          rs.getString("source"),
                          Sql.instant(rs, "recorded_at")));
            });
    var samples = new HashMap<UUID, Instant>();
    jdbc.sql("SELECT person_id, taken_at FROM latest_sample WHERE person_id = ANY(?::uuid[])")
        .param(ids)
        .query(
            (RowCallbackHandler)
                rs ->
                    samples.put(
                        rs.getObject("person_id", UUID.class), Sql.instant(rs, "taken_at")));
    var declarations = new HashMap<UUID, @Nullable Instant[]>();
    var symptomatic = new java.util.HashSet<UUID>();
    jdbc.sql(
            "SELECT person_id, redeclare_requested_at, declared_at, symptoms FROM declaration_state"
                + " WHERE person_id = ANY(?::uuid[])")
        .param(ids)
        .query(
            (RowCallbackHandler)
                rs -> {
                  UUID personId = rs.getObject("person_id", UUID.class);
                  declarations.put(
                      personId,
                      new @Nullable Instant[] {
                        Sql.instant(rs, "redeclare_requested_at"), Sql.instant(rs, "declared_at")
                      });
                  if (rs.getBoolean("symptoms")) {
                    symptomatic.add(personId);
                  }
                });
    var overrides = new HashMap<UUID, ManualOverride>();
    jdbc.sql(
            "SELECT DISTINCT ON (person_id) person_id, id, kind, colour, reason_code, decided_at,"
                + " valid_until FROM manual_status_change WHERE person_id = ANY(?::uuid[])"
                + " AND state = 'APPROVED' ORDER BY person_id, decided_at DESC, id")
        .param(ids)
        .query(
            rs -> {
              boolean appeal = "APPEAL".equals(rs.getString("kind"));
              overrides.put(
                  rs.getObject("person_id", UUID.class),
                  new ManualOverride(
                      rs.getObject("id", UUID.class),
                      Colour.valueOf(rs.getString("colour")),
                      (appeal ? "appeal." : "manual.") + rs.getString("reason_code"),
                      appeal ? "appeal" : "manual",
                      Sql.instant(rs, "decided_at"),
                      Sql.instant(rs, "valid_until")));
            });
    var testResults = results.load(personIds);
    List<KeyRegionListing> keyRegions = keyRegions();
    var facts = new HashMap<UUID, PersonFacts>();
    for (UUID id : personIds) {
      @Nullable Instant[] declaration = declarations.getOrDefault(id, new @Nullable Instant[2]);
      facts.put(
          id,
          new PersonFacts(
              id,
              orders.getOrDefault(id, List.of()),
              arrivals.getOrDefault(id, List.of()),
              keyRegions,
              samples.get(id),
              declaration[0],
              declaration[1],
              overrides.get(id),
              symptomatic.contains(id),
              testResults.getOrDefault(id, TestResults.NONE)));
    }
    return facts;
  }

  /** The whole key-region list (a few hundred rows at most). */
  public List<KeyRegionListing> keyRegions() {
    return jdbc.sql("SELECT region_code, valid_from, valid_to FROM key_region")
        .query(
            (rs, n) ->
                new KeyRegionListing(
                    rs.getString("region_code"),
                    rs.getObject("valid_from", LocalDate.class),
                    rs.getObject("valid_to", LocalDate.class)))
        .list();
  }
}
