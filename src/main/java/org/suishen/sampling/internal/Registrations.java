package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.Person;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.StatusFacts;

/**
 * Registers people into tubes at the table (S1, S2, S4). The site comes from the session's
 * assignment, the terminal and the sampler from the session; a person is in at most one open tube
 * (a key in the database, so two terminals at the same moment cannot both win); a registration sent
 * again with its idempotency key answers as the first time and records nothing twice.
 */
@Component
public class Registrations {

  static final String REGISTERED = "sampling.person.registered";
  static final String WITHDRAWN = "sampling.person.withdrawn";

  private static final Duration CLOCK_DRIFT = Duration.ofMinutes(1);

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  private final JdbcClient jdbc;
  private final Tubes tubes;
  private final CredentialResolution credentials;
  private final SampledPeople people;
  private final StatusFacts facts;
  private final AuditTrail audit;
  private final SamplingProperties properties;
  private final Clock clock;

  Registrations(
      JdbcClient jdbc,
      Tubes tubes,
      CredentialResolution credentials,
      SampledPeople people,
      StatusFacts facts,
      AuditTrail audit,
      SamplingProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.tubes = tubes;
    this.credentials = credentials;
    this.people = people;
    this.facts = facts;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Registers a person at the time of the call. */
  @Transactional
  public Registration register(
      String barcode,
      @Nullable String idempotencyKey,
      PresentedCredential credential,
      Actor actor) {
    return register(barcode, idempotencyKey, credential, null, actor);
  }

  /**
   * Registers a person into an open tube.
   *
   * @param registeredAt when the terminal took the sample, for a registration queued offline and
   *     uploaded later; {@code null} for now. Not in the future (a minute's clock drift allowed)
   *     and not older than the idempotency keys are kept, so a late upload can still not count
   *     twice.
   */
  @Transactional
  public Registration register(
      String barcode,
      @Nullable String idempotencyKey,
      PresentedCredential credential,
      @Nullable Instant registeredAt,
      Actor actor) {
    return enrol(
        barcode,
        idempotencyKey,
        registeredAt,
        actor,
        () -> Subject.of(credentials.resolve(credential)));
  }

  /**
   * The step every registration shares: idempotency, the open tube, the one-open-tube key, the row,
   * the fill, the audit and the sampling time for the status engine.
   */
  Registration enrol(
      String barcode,
      @Nullable String idempotencyKey,
      @Nullable Instant registeredAt,
      Actor actor,
      Supplier<Subject> subjectOf) {
    if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
      throw SuishenException.badInput("sampling.idempotency-key.invalid");
    }
    Instant now = sampledAt(registeredAt);
    UUID id = UUID.randomUUID();
    // the key first: the same key twice at once waits on its unique index, then finds the first
    // one's answer; a refusal further on rolls the key back with everything else
    int claimed =
        jdbc.sql(
                "INSERT INTO sampling_idempotency (actor, key, registration_id, registered_at,"
                    + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (actor, key) DO NOTHING")
            .params(
                actor.toString(),
                idempotencyKey,
                id,
                Timestamp.from(now),
                Timestamp.from(clock.instant()))
            .update();
    if (claimed == 0) {
      return earlier(actor, idempotencyKey)
          .orElseThrow(() -> new IllegalStateException("an idempotency key without its row"));
    }
    Subject subject = subjectOf.get();
    Tubes.Locked tube = tubes.lockOpen(barcode, actor);
    // one round trip: the one-open-tube key, the registration and the fill, all or nothing
    boolean joined =
        jdbc.sql(
                "WITH member AS (INSERT INTO open_tube_member (person_id, tube_barcode,"
                    + " registration_id) VALUES (?, ?, ?) ON CONFLICT (person_id) DO NOTHING"
                    + " RETURNING registration_id), registration AS (INSERT INTO"
                    + " sampling_registration (registered_at, id, tube_barcode, person_id,"
                    + " site_code, terminal, sampler, credential, guardian_person_id)"
                    + " SELECT ?::timestamptz, registration_id, ?, ?::uuid, ?, ?, ?, ?, ?::uuid"
                    + " FROM member), fill AS (UPDATE tube SET members = members + 1"
                    + " WHERE barcode = ? AND EXISTS (SELECT 1 FROM member))"
                    + " SELECT EXISTS (SELECT 1 FROM member)")
            .params(
                subject.personId(),
                tube.barcode(),
                id,
                Timestamp.from(now),
                tube.barcode(),
                subject.personId(),
                tube.siteCode(),
                "device".equals(actor.kind()) ? actor.id() : null,
                "staff".equals(actor.kind()) ? actor.id() : tube.sampler(),
                subject.credential(),
                subject.guardianPersonId(),
                tube.barcode())
            .query(Boolean.class)
            .single();
    if (!joined) {
      String other =
          jdbc.sql("SELECT tube_barcode FROM open_tube_member WHERE person_id = ?")
              .param(subject.personId())
              .query(String.class)
              .optional()
              // that other tube was sealed meanwhile: the person was in it all the same
              .orElse("");
      throw other.equals(tube.barcode())
          ? SuishenException.conflict("sampling.person.in-this-tube", subject.maskedName())
          : SuishenException.conflict("sampling.person.in-open-tube", subject.maskedName(), other);
    }
    if (tube.members() + 1 == tube.capacity()) {
      tubes.sealLocked(tube.barcode(), actor);
    }
    audit.record(
        AuditEvent.of(
            actor,
            REGISTERED,
            subject.personId(),
            "tube " + tube.barcode() + " by " + subject.credential()));
    // the optional "no recent sample" rule of the status engine counts from the sampling time
    facts.recordSample(subject.personId(), now);
    return new Registration(
        id,
        tube.barcode(),
        subject.maskedName(),
        subject.documentType(),
        subject.maskedDocumentNumber(),
        subject.credential(),
        now,
        tube.members() + 1,
        tube.capacity(),
        tube.members() + 1 == tube.capacity());
  }

  private Instant sampledAt(@Nullable Instant registeredAt) {
    Instant now = clock.instant();
    if (registeredAt == null) {
      return now.truncatedTo(ChronoUnit.MICROS);
    }
    if (registeredAt.isAfter(now.plus(CLOCK_DRIFT))
        || registeredAt.isBefore(now.minus(properties.idempotencyKeptFor()))) {
      throw SuishenException.badInput("sampling.registered-at.out-of-range");
    }
    return registeredAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Who is sampled, as the table sees them (masked), and how they were identified. */
  record Subject(
      UUID personId,
      String maskedName,
      String documentType,
      String maskedDocumentNumber,
      String credential,
      @Nullable UUID guardianPersonId) {

    static Subject of(CredentialResolution.Resolved resolved) {
      Person person = resolved.person();
      return new Subject(
          person.id(),
          person.maskedName(),
          person.document().type().name(),
          person.maskedDocumentNumber(),
          resolved.credential(),
          resolved.guardian());
    }
  }

  /** Takes a registration out of a tube not yet sealed (a mistake at the table). */
  @Transactional
  public Tube withdraw(String barcode, UUID registrationId, Actor actor) {
    Tubes.Locked tube = tubes.lockOpen(barcode, actor);
    UUID personId =
        jdbc.sql(
                "DELETE FROM open_tube_member WHERE registration_id = ? AND tube_barcode = ?"
                    + " RETURNING person_id")
            .params(registrationId, tube.barcode())
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> SuishenException.notFound("sampling.registration.unknown"));
    jdbc.sql("UPDATE sampling_registration SET withdrawn_at = ? WHERE tube_barcode = ? AND id = ?")
        .params(Timestamp.from(clock.instant()), tube.barcode(), registrationId)
        .update();
    jdbc.sql("UPDATE tube SET members = members - 1 WHERE barcode = ?")
        .param(tube.barcode())
        .update();
    audit.record(AuditEvent.of(actor, WITHDRAWN, personId, "tube " + tube.barcode()));
    return tubes.view(tube.barcode());
  }

  private Optional<Registration> earlier(Actor actor, String key) {
    return jdbc.sql(
            "SELECT r.id, r.tube_barcode, r.person_id, r.credential, r.registered_at, t.members,"
                + " t.capacity, t.sealed_at IS NOT NULL AS sealed FROM sampling_idempotency i"
                + " JOIN sampling_registration r ON r.registered_at = i.registered_at"
                + " AND r.id = i.registration_id JOIN tube t ON t.barcode = r.tube_barcode"
                + " WHERE i.actor = ? AND i.key = ?")
        .params(actor.toString(), key)
        .query(
            (rs, n) -> {
              UUID personId = rs.getObject("person_id", UUID.class);
              var who = people.find(personId).orElse(null);
              return new Registration(
                  rs.getObject("id", UUID.class),
                  rs.getString("tube_barcode"),
                  who == null ? "?" : who.maskedName(),
                  who == null ? "?" : who.documentType(),
                  who == null ? "?" : who.maskedDocumentNumber(),
                  rs.getString("credential"),
                  rs.getTimestamp("registered_at").toInstant(),
                  rs.getInt("members"),
                  rs.getInt("capacity"),
                  rs.getBoolean("sealed"));
            })
        .optional();
  }
}
