package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.sampling.internal.Registrations.Subject;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.StatusFacts;

/**
 * The table's rule for a group of registrations, written together in the caller's transaction (a
 * group of one for a registration alone): keys claimed, tubes locked in barcode order, each
 * enrolment judged in its order as if alone, then every accepted one written with one statement per
 * table. {@link RegistrationGroups} forms the groups; {@link Registrations} is the entrance.
 */
@Component
class Enrolments {

  private final JdbcClient jdbc;
  private final Tubes tubes;
  private final StatusFacts facts;
  private final AuditTrail audit;
  private final Clock clock;

  Enrolments(JdbcClient jdbc, Tubes tubes, StatusFacts facts, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.tubes = tubes;
    this.facts = facts;
    this.audit = audit;
    this.clock = clock;
  }

  /** A terminal's request key, checked, with the registration's id and sampling time. */
  record Claim(Actor actor, String key, UUID registrationId, Instant sampledAt) {}

  /** A person to register into a tube, with how they were identified. */
  record Enrolment(Claim claim, String barcode, Subject subject) {}

  /** What became of one enrolment of a group. */
  sealed interface Outcome {
    record Registered(Registration registration) implements Outcome {}

    record Refused(SuishenException reason) implements Outcome {}

    /** Its key was claimed already: answer the earlier registration. */
    record Replay() implements Outcome {}

    /** Its group could not be written: register it alone. */
    record Retry() implements Outcome {}
  }

  /**
   * Claims the keys (the same key twice at once waits on its unique index); the ones claimed now. A
   * refusal further on takes its claim back ({@link #enrolAll}).
   */
  Set<Claim> claimAll(List<Claim> claims) {
    Timestamp now = Timestamp.from(clock.instant());
    var claimed =
        new HashSet<>(
            jdbc.sql(
                    "INSERT INTO sampling_idempotency (actor, key, registration_id, registered_at,"
                        + " created_at) SELECT a, k, r, t, ? FROM unnest(?::text[], ?::text[],"
                        + " ?::uuid[], ?::text[]::timestamptz[]) AS v(a, k, r, t)"
                        + " ON CONFLICT (actor, key) DO NOTHING RETURNING registration_id")
                .param(now)
                .param(claims.stream().map(c -> c.actor().toString()).toArray(String[]::new))
                .param(claims.stream().map(Claim::key).toArray(String[]::new))
                .param(claims.stream().map(Claim::registrationId).toArray(UUID[]::new))
                .param(claims.stream().map(c -> c.sampledAt().toString()).toArray(String[]::new))
                .query(UUID.class)
                .list());
    var result = new HashSet<Claim>();
    claims.stream().filter(c -> claimed.contains(c.registrationId())).forEach(result::add);
    return result;
  }

  /**
   * Registers enrolments whose keys are claimed, in the caller's transaction and in their order,
   * each as if alone: the tube is known, the session works at the tube's open site, the tube is not
   * sealed (nor filled by an earlier one of the group), the person is in no open tube. The tubes
   * are locked in barcode order; a refused enrolment takes its key's claim back. Throws {@link
   * ConcurrentEnrolment} when another transaction put one of the people into a tube meanwhile: the
   * caller rolls back and registers them one by one.
   */
  List<Outcome> enrolAll(List<Enrolment> group) {
    var barcodes = new LinkedHashSet<String>();
    group.forEach(e -> TubeBarcode.parse(e.barcode()).ifPresent(b -> barcodes.add(b.value())));
    Map<String, Tubes.Locked> locked = tubes.lockAll(barcodes);
    Map<String, Tubes.Session> sessions =
        tubes.sessions(group.stream().map(e -> e.claim().actor()).distinct().toList());
    Map<UUID, String> inOpenTube = new HashMap<>();
    jdbc.sql("SELECT person_id, tube_barcode FROM open_tube_member WHERE person_id = ANY(?)")
        .param(group.stream().map(e -> e.subject().personId()).distinct().toArray(UUID[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> inOpenTube.put(rs.getObject(1, UUID.class), rs.getString(2)));

    var outcomes = new ArrayList<Outcome>(group.size());
    var accepted = new ArrayList<Enrolment>();
    var tubeOf = new HashMap<Enrolment, Tubes.Locked>();
    var fill = new HashMap<String, Integer>();
    var filledBy = new LinkedHashMap<String, Actor>();
    var refusedClaims = new ArrayList<Claim>();
    for (Enrolment e : group) {
      Subject subject = e.subject();
      Tubes.Locked tube =
          TubeBarcode.parse(e.barcode()).map(b -> locked.get(b.value())).orElse(null);
      try {
        if (tube == null) {
          throw SuishenException.notFound("sampling.tube.unknown");
        }
        int members = fill.getOrDefault(tube.barcode(), tube.members());
        var now =
            new Tubes.Locked(
                tube.barcode(),
                tube.siteCode(),
                tube.capacity(),
                members,
                tube.sealed() || filledBy.containsKey(tube.barcode()));
        Tubes.admit(now, Tubes.session(sessions, e.claim().actor()));
        String other = inOpenTube.get(subject.personId());
        if (other != null) {
          throw other.equals(tube.barcode())
              ? SuishenException.conflict("sampling.person.in-this-tube", subject.maskedName())
              : SuishenException.conflict(
                  "sampling.person.in-open-tube", subject.maskedName(), other);
        }
        inOpenTube.put(subject.personId(), tube.barcode());
        fill.put(tube.barcode(), members + 1);
        if (members + 1 == tube.capacity()) {
          filledBy.put(tube.barcode(), e.claim().actor());
        }
        tubeOf.put(e, now);
        accepted.add(e);
        Claim c = e.claim();
        outcomes.add(
            new Outcome.Registered(
                new Registration(
                    c.registrationId(),
                    tube.barcode(),
                    subject.maskedName(),
                    subject.documentType(),
                    subject.maskedDocumentNumber(),
                    subject.credential(),
                    c.sampledAt(),
                    members + 1,
                    tube.capacity(),
                    members + 1 == tube.capacity())));
      } catch (SuishenException refused) {
        outcomes.add(new Outcome.Refused(refused));
        refusedClaims.add(e.claim());
      }
    }
    if (!accepted.isEmpty()) {
      write(accepted, tubeOf, sessions, fill);
      tubes.sealAllLocked(filledBy);
    }
    if (!refusedClaims.isEmpty()) {
      jdbc.sql(
              "DELETE FROM sampling_idempotency i USING unnest(?::text[], ?::text[]) AS v(a, k)"
                  + " WHERE i.actor = v.a AND i.key = v.k")
          .param(refusedClaims.stream().map(c -> c.actor().toString()).toArray(String[]::new))
          .param(refusedClaims.stream().map(Claim::key).toArray(String[]::new))
          .update();
    }
    return outcomes;
  }

  /** The accepted: the one-open-tube keys, the registrations, the fills, audit and sample times. */
  private void write(
      List<Enrolment> accepted,
      Map<Enrolment, Tubes.Locked> tubeOf,
      Map<String, Tubes.Session> sessions,
      Map<String, Integer> fill) {
    int n = accepted.size();
    UUID[] people = new UUID[n];
    UUID[] ids = new UUID[n];
    String[] tubeBarcodes = new String[n];
    String[] times = new String[n];
    String[] sites = new String[n];
    String[] terminals = new String[n];
    String[] samplers = new String[n];
    String[] credentialsUsed = new String[n];
    UUID[] guardians = new UUID[n];
    var audits = new ArrayList<AuditEvent>(n);
    var samples = new LinkedHashMap<UUID, Instant>();
    for (int i = 0; i < n; i++) {
      Enrolment e = accepted.get(i);
      Actor actor = e.claim().actor();
      Tubes.Locked tube = tubeOf.get(e);
      people[i] = e.subject().personId();
      ids[i] = e.claim().registrationId();
      tubeBarcodes[i] = tube.barcode();
      times[i] = e.claim().sampledAt().toString();
      sites[i] = tube.siteCode();
      terminals[i] = "device".equals(actor.kind()) ? actor.id() : null;
      samplers[i] =
          "staff".equals(actor.kind()) ? actor.id() : Tubes.session(sessions, actor).sampler();
      credentialsUsed[i] = e.subject().credential();
      guardians[i] = e.subject().guardianPersonId();
      audits.add(
          AuditEvent.of(
              actor,
              Registrations.REGISTERED,
              people[i],
              "tube " + tube.barcode() + " by " + e.subject().credential()));
      // the optional "no recent sample" rule of the status engine counts from the sampling time
      samples.merge(people[i], e.claim().sampledAt(), (x, y) -> x.isAfter(y) ? x : y);
    }
    int joined =
        jdbc.sql(
                "INSERT INTO open_tube_member (person_id, tube_barcode, registration_id)"
                    + " SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[])"
                    + " ON CONFLICT (person_id) DO NOTHING")
            .params(people, tubeBarcodes, ids)
            .update();
    if (joined < n) {
      throw new ConcurrentEnrolment();
    }
    jdbc.sql(
            "INSERT INTO sampling_registration (registered_at, id, tube_barcode, person_id,"
                + " site_code, terminal, sampler, credential, guardian_person_id)"
                + " SELECT * FROM unnest(?::text[]::timestamptz[], ?::uuid[], ?::text[],"
                + " ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[])")
        .params(
            times,
            ids,
            tubeBarcodes,
            people,
            sites,
            terminals,
            samplers,
            credentialsUsed,
            guardians)
        .update();
    var filled = new ArrayList<>(fill.keySet());
    jdbc.sql(
            "UPDATE tube t SET members = v.m FROM unnest(?::text[], ?::int[]) AS v(b, m)"
                + " WHERE t.barcode = v.b")
        .params(
            filled.toArray(String[]::new), filled.stream().map(fill::get).toArray(Integer[]::new))
        .update();
    audit.recordAll(audits);
    facts.recordSamples(samples);
  }

  /** Another transaction put one of a group's people into a tube meanwhile. */
  static final class ConcurrentEnrolment extends RuntimeException {
    ConcurrentEnrolment() {
      super("a person of the group was registered elsewhere meanwhile", null, false, false);
    }
  }
}
