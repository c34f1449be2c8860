package org.suishen.sampling.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.dependants.Binding;
import org.suishen.dependants.Dependants;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Result queries (S3): a person sees their own results, a family member those of their bound
 * dependants and of the infants they registered by hand; nobody else but staff, whose every read is
 * audited.
 */
@Component
public class PersonResults {

  static final String READ = "sampling.results.read";

  private static final int PER_PERSON = 30;

  /**
   * What a person's sample came to: still in the lab, negative, positive, pending retest (a
   * positive pooled tube), or invalid (to be sampled again).
   */
  public enum State {
    PENDING,
    NEGATIVE,
    POSITIVE,
    RETEST,
    INVALID
  }

  /** One sample of a person. */
  public record Result(
      Instant sampledAt,
      String siteName,
      String siteAddress,
      String tubeBarcode,
      boolean pooled,
      State state,
      @Nullable Instant reportedAt) {}

  /**
   * Whose results these are, as the reader may see them.
   *
   * @param relation {@code SELF}, the binding's relationship ({@code CHILD}, ...), or {@code
   *     INFANT}
   */
  public record Of(UUID personId, String name, String relation, List<Result> results) {}

  private final JdbcClient jdbc;
  private final PopulationRegister register;
  private final Dependants dependants;
  private final Infants infants;
  private final SampledPeople people;
  private final AuditTrail audit;

  PersonResults(
      JdbcClient jdbc,
      PopulationRegister register,
      Dependants dependants,
      Infants infants,
      SampledPeople people,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.register = register;
    this.dependants = dependants;
    this.infants = infants;
    this.people = people;
    this.audit = audit;
  }

  /** The person's own results, then each bound dependant's, then each infant's. */
  public List<Of> forFamily(UUID personId) {
    var whose = new ArrayList<Of>();
    String own = register.find(personId).map(p -> p.name()).orElse("");
    var named = new LinkedHashMap<UUID, String[]>();
    named.put(personId, new String[] {own, "SELF"});
    for (Binding b : dependants.of(personId)) {
      if (b.bound() && !named.containsKey(b.dependant())) {
        String name = register.find(b.dependant()).map(p -> p.maskedName()).orElse("?");
        named.put(
            b.dependant(),
            new String[] {name, b.relationship() == null ? "OTHER" : b.relationship().name()});
      }
    }
    for (Infants.Infant infant : infants.of(personId)) {
      named.put(infant.id(), new String[] {infant.name(), "INFANT"});
    }
    Map<UUID, List<Result>> results = results(List.copyOf(named.keySet()));
    named.forEach(
        (id, n) -> whose.add(new Of(id, n[0], n[1], results.getOrDefault(id, List.of()))));
    return whose;
  }

  /** Another person's results, read by staff (audited). */
  @Transactional
  public Of forStaff(UUID personId, Actor reader) {
    var who =
        people
            .find(personId)
            .orElseThrow(() -> SuishenException.notFound("sampling.person.unknown"));
    audit.record(AuditEvent.of(reader, READ, personId, "test results"));
    return new Of(
        personId,
        who.maskedName(),
        who.provisional() ? "INFANT" : "PERSON",
        results(List.of(personId)).getOrDefault(personId, List.of()));
  }

  private Map<UUID, List<Result>> results(List<UUID> personIds) {
    var byPerson = new LinkedHashMap<UUID, List<Result>>();
    jdbc.sql(
            "SELECT r.person_id, r.registered_at, s.name, s.address, t.barcode, t.capacity,"
                + " t.result, t.resulted_at FROM unnest(?::uuid[]) AS p(id)"
                + " CROSS JOIN LATERAL (SELECT * FROM sampling_registration x"
                + " WHERE x.person_id = p.id AND x.withdrawn_at IS NULL"
                + " ORDER BY x.registered_at DESC LIMIT ?) r"
                + " JOIN tube t ON t.barcode = r.tube_barcode"
                + " JOIN sampling_site s ON s.code = r.site_code"
                + " ORDER BY r.person_id, r.registered_at DESC")
        .param(personIds.toArray(UUID[]::new))
        .param(PER_PERSON)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  boolean pooled = rs.getInt("capacity") > 1;
                  String result = rs.getString("result");
                  var resulted = rs.getTimestamp("resulted_at");
                  byPerson
                      .computeIfAbsent(
                          rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                      .add(
                          new Result(
                              rs.getTimestamp("registered_at").toInstant(),
                              rs.getString("name"),
                              rs.getString("address"),
                              rs.getString("barcode"),
                              pooled,
                              state(result, pooled),
                              resulted == null ? null : resulted.toInstant()));
                });
    return byPerson;
  }

  private static State state(@Nullable String result, boolean pooled) {
    if (result == null) {
      return State.PENDING;
    }
    return switch (TubeResult.valueOf(result)) {
      case NEGATIVE -> State.NEGATIVE;
      case POSITIVE -> pooled ? State.RETEST : State.POSITIVE;
      case INVALID -> State.INVALID;
    };
  }
}
