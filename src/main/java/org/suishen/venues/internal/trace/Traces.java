package org.suishen.venues.internal.trace;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.venues.internal.passage.Passage;
import org.suishen.venues.internal.passage.PassageLog;
import org.suishen.venues.internal.venue.Venue;
import org.suishen.venues.internal.venue.Venues;

/**
 * The health authority's trace queries (D3, X1): who passed a venue in a window, where a person
 * passed in a window. Each names its legal basis and case and is audited with the number of rows it
 * returned; the rows carry each passage's provenance (a self-scan is a claim, not a proof). The
 * callers' role is checked by the web layer's access rules.
 */
@Component
public class Traces {

  static final String VENUE_TRACED = "venues.trace.venue";
  static final String PERSON_TRACED = "venues.trace.person";

  /** One passage with whom and where, for the epidemiologists. */
  public record TraceRow(Passage passage, @Nullable Person person, @Nullable Venue venue) {}

  /**
   * A page of a query's rows, oldest first; {@code next} where the following page begins, null when
   * this page holds the last matching row.
   */
  public record TraceResult(List<TraceRow> rows, @Nullable TraceCursor next) {

    public boolean truncated() {
      return next != null;
    }
  }

  private final JdbcTemplate jdbc;
  private final Venues venues;
  private final PopulationRegister register;
  private final AuditTrail audit;

  Traces(JdbcTemplate jdbc, Venues venues, PopulationRegister register, AuditTrail audit) {
    this.jdbc = jdbc;
    this.venues = venues;
    this.register = register;
    this.audit = audit;
  }

  /** Who passed (or was refused at) the venue in the window. */
  // the query and its audit record commit together
  @Transactional
  public TraceResult venue(
      UUID venueId, TraceQuery query, @Nullable TraceCursor after, int limit, Actor actor) {
    Venue venue = venues.require(venueId);
    TraceResult result =
        run("SELECT * FROM passage WHERE venue_id = ?", venue.id(), query, after, limit);
    audit.record(
        AuditEvent.of(
            actor,
            VENUE_TRACED,
            null,
            "venue " + venue.id() + ", " + query.describe() + page(after, result)));
    return result;
  }

  /** Where the person with this document passed in the window. */
  // the query and its audit record commit together
  @Transactional
  public TraceResult person(
      IdentityDocument document,
      TraceQuery query,
      @Nullable TraceCursor after,
      int limit,
      Actor actor) {
    Person person =
        register
            .findByDocument(document)
            .orElseThrow(() -> SuishenException.notFound("venues.trace.person-unknown"));
    TraceResult result =
        run("SELECT * FROM passage WHERE person_id = ?", person.id(), query, after, limit);
    audit.record(
        AuditEvent.of(actor, PERSON_TRACED, person.id(), query.describe() + page(after, result)));
    return result;
  }

  private static String page(@Nullable TraceCursor after, TraceResult result) {
    return ", "
        + result.rows().size()
        + " rows"
        + (after == null ? "" : " after " + after.text())
        + (result.truncated() ? ", more follow" : "");
  }

  /**
   * The window's rows for one key, after the cursor: the time bound leads so that the (key, time)
   * index ranges over it; the (time, id) comparison breaks ties between passages of one instant.
   */
  private TraceResult run(
      String select, UUID key, TraceQuery query, @Nullable TraceCursor after, int limit) {
    var passages = new ArrayList<Passage>();
    var args = new ArrayList<Object>();
    args.add(key);
    String sql;
    if (after == null) {
      sql = select + " AND passed_at >= ? AND passed_at < ?";
      args.add(Timestamp.from(query.from()));
    } else {
      sql = select + " AND passed_at >= ? AND passed_at < ? AND (passed_at, id) > (?, ?)";
      args.add(
          Timestamp.from(after.passedAt().isAfter(query.from()) ? after.passedAt() : query.from()));
    }
    args.add(Timestamp.from(query.to()));
    if (after != null) {
      args.add(Timestamp.from(after.passedAt()));
      args.add(after.passageId());
    }
    args.add(limit + 1);
    jdbc.query(
        sql + " ORDER BY passed_at, id LIMIT ?",
        rs -> {
          passages.add(PassageLog.passage(rs));
        },
        args.toArray());
    boolean truncated = passages.size() > limit;
    List<Passage> kept = truncated ? passages.subList(0, limit) : passages;
    Set<UUID> people = new HashSet<>();
    Set<UUID> venueIds = new HashSet<>();
    for (Passage p : kept) {
      if (p.personId() != null) {
        people.add(p.personId());
      }
      venueIds.add(p.venueId());
    }
    Map<UUID, Person> persons = register.findAll(people);
    Map<UUID, Venue> venuesById = new HashMap<>();
    venueIds.forEach(id -> venues.find(id).ifPresent(v -> venuesById.put(id, v)));
    var rows = new ArrayList<TraceRow>(kept.size());
    for (Passage p : kept) {
      rows.add(
          new TraceRow(
              p,
              p.personId() == null ? null : persons.get(p.personId()),
              venuesById.get(p.venueId())));
    }
    return new TraceResult(
        rows, truncated ? new TraceCursor(kept.getLast().passedAt(), kept.getLast().id()) : null);
  }
}
