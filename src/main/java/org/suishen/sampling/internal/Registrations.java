package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
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

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  private final JdbcClient jdbc;
  private final Tubes tubes;
  private final CredentialResolution credentials;
  private final PopulationRegister register;
  private final StatusFacts facts;
  private final AuditTrail audit;
  private final Clock clock;

  Registrations(
      JdbcClient jdbc,
      Tubes tubes,
      CredentialResolution credentials,
      PopulationRegister register,
      StatusFacts facts,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.tubes = tubes;
    this.credentials = credentials;
    this.register = register;
    this.facts = facts;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Registration register(
      String barcode,
      @Nullable String idempotencyKey,
      PresentedCredential credential,
      Actor actor) {
    if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
      throw SuishenException.badInput("sampling.idempotency-key.invalid");
    }
    // the same key twice at once: the second waits here, then finds the first one's answer
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")
        .params(actor.toString(), idempotencyKey)
        .query()
        .singleRow();
    Optional<Registration> earlier = earlier(actor, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    var resolved = credentials.resolve(credential);
    Person person = resolved.person();
    Tubes.Locked tube = tubes.lockOpen(barcode, actor);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int joined =
        jdbc.sql(
                "INSERT INTO open_tube_member (person_id, tube_barcode, registration_id)"
                    + " VALUES (?, ?, ?) ON CONFLICT (person_id) DO NOTHING")
            .params(person.id(), tube.barcode(), id)
            .update();
    if (joined == 0) {
      String other =
          jdbc.sql("SELECT tube_barcode FROM open_tube_member WHERE person_id = ?")
              .param(person.id())
              .query(String.class)
              .single();
      throw other.equals(tube.barcode())
          ? SuishenException.conflict("sampling.person.in-this-tube", person.maskedName())
          : SuishenException.conflict("sampling.person.in-open-tube", person.maskedName(), other);
    }
    jdbc.sql(
            "INSERT INTO sampling_registration (registered_at, id, tube_barcode, person_id,"
                + " site_code, terminal, sampler, credential) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            Timestamp.from(now),
            id,
            tube.barcode(),
            person.id(),
            tube.siteCode(),
            "device".equals(actor.kind()) ? actor.id() : null,
            "staff".equals(actor.kind()) ? actor.id() : null,
            resolved.credential())
        .update();
    jdbc.sql("UPDATE tube SET members = members + 1 WHERE barcode = ?")
        .param(tube.barcode())
        .update();
    if (tube.members() + 1 == tube.capacity()) {
      tubes.sealLocked(tube.barcode(), actor);
    }
    jdbc.sql(
            "INSERT INTO sampling_idempotency (actor, key, registration_id, registered_at,"
                + " created_at) VALUES (?, ?, ?, ?, ?)")
        .params(actor.toString(), idempotencyKey, id, Timestamp.from(now), Timestamp.from(now))
        .update();
    audit.record(
        AuditEvent.of(
            actor,
            REGISTERED,
            person.id(),
            "tube " + tube.barcode() + " by " + resolved.credential()));
    // the optional "no recent sample" rule of the status engine counts from the sampling time
    facts.recordSample(person.id(), now);
    return new Registration(
        id,
        tube.barcode(),
        person.maskedName(),
        person.document().type().name(),
        person.maskedDocumentNumber(),
        resolved.credential(),
        now,
        tube.members() + 1,
        tube.capacity(),
        tube.members() + 1 == tube.capacity());
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
              Person person = register.find(personId).orElse(null);
              return new Registration(
                  rs.getObject("id", UUID.class),
                  rs.getString("tube_barcode"),
                  person == null ? "?" : person.maskedName(),
                  person == null ? "?" : person.document().type().name(),
                  person == null ? "?" : person.maskedDocumentNumber(),
                  rs.getString("credential"),
                  rs.getTimestamp("registered_at").toInstant(),
                  rs.getInt("members"),
                  rs.getInt("capacity"),
                  rs.getBoolean("sealed"));
            })
        .optional();
  }
}
