package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.Person;
import org.suishen.sampling.internal.Enrolments.Claim;
import org.suishen.sampling.internal.Enrolments.Enrolment;
import org.suishen.sampling.internal.Enrolments.Outcome;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

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
  private final Enrolments enrolments;
  private final RegistrationGroups groups;
  private final CredentialResolution credentials;
  private final SampledPeople people;
  private final AuditTrail audit;
  private final SamplingProperties properties;
  private final TransactionTemplate eachAlone;
  private final Clock clock;

  Registrations(
      JdbcClient jdbc,
      Tubes tubes,
      Enrolments enrolments,
      RegistrationGroups groups,
      CredentialResolution credentials,
      SampledPeople people,
      AuditTrail audit,
      SamplingProperties properties,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.tubes = tubes;
    this.enrolments = enrolments;
    this.groups = groups;
    this.credentials = credentials;
    this.people = people;
    this.audit = audit;
    this.properties = properties;
    // its own transaction even inside a caller's: a registration alone never takes others with it
    this.eachAlone = new TransactionTemplate(transactions);
    this.eachAlone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Registers a person at the time of the call. */
  public Registration register(
      String barcode,
      @Nullable String idempotencyKey,
      PresentedCredential credential,
      Actor actor) {
    return register(barcode, idempotencyKey, credential, null, actor);
  }

  /**
   * Registers a person into an open tube: the credential is resolved here, the registration is
   * written with the others that arrived meanwhile ({@link RegistrationGroups}: one transaction,
   * one commit) and answered once committed.
   *
   * @param registeredAt when the terminal took the sample, for a registration queued offline and
   *     uploaded later; {@code null} for now. Not in the future (a minute's clock drift allowed)
   *     and not older than the idempotency keys are kept, so a late upload can still not count
   *     twice.
   */
  public Registration register(
      String barcode,
      @Nullable String idempotencyKey,
      PresentedCredential credential,
      @Nullable Instant registeredAt,
      Actor actor) {
    Claim claim = claim(idempotencyKey, registeredAt, actor);
    Subject subject;
    try {
      // a code queued offline is judged at the moment the terminal checked it (registeredAt)
      subject =
          Subject.of(
              credentials.resolve(credential, registeredAt == null ? null : claim.sampledAt()));
    } catch (SuishenException refused) {
      // a retry answers as the first time, even if its code has expired since
      return earlier(actor, claim.key()).orElseThrow(() -> refused);
    }
    var enrolment = new Enrolment(claim, barcode, subject);
    return switch (groups.submit(enrolment)) {
      case Outcome.Registered registered -> registered.registration();
      case Outcome.Refused refused -> throw refused.reason();
      // the same key at the same moment: the first one's answer, or (refused) this one alone
      case Outcome.Replay replay -> earlier(actor, claim.key()).orElseGet(() -> alone(enrolment));
      // the group could not be written (a race with a single registration): this one alone
      case Outcome.Retry retry -> alone(enrolment);
    };
  }

  private Registration alone(Enrolment enrolment) {
    Registration registration =
        eachAlone.execute(tx -> enrol(enrolment.claim(), enrolment.barcode(), enrolment::subject));
    if (registration == null) {
      throw new IllegalStateException("no registration");
    }
    return registration;
  }

  /**
   * One registration in the caller's transaction (an infant by hand, whose provisional person is
   * written with it; a group's fallback): the key claimed first, so that the same key twice at once
   * waits on its unique index and then finds the first one's answer.
   */
  Registration enrol(
      String barcode,
      @Nullable String idempotencyKey,
      @Nullable Instant registeredAt,
      Actor actor,
      Supplier<Subject> subjectOf) {
    return enrol(claim(idempotencyKey, registeredAt, actor), barcode, subjectOf);
  }

  private Registration enrol(Claim claim, String barcode, Supplier<Subject> subjectOf) {
    Actor actor = claim.actor();
    if (enrolments.claimAll(List.of(claim)).isEmpty()) {
      return earlier(actor, claim.key())
          .orElseThrow(() -> new IllegalStateException("an idempotency key without its row"));
    }
    var outcome =
        enrolments.enrolAll(List.of(new Enrolment(claim, barcode, subjectOf.get()))).getFirst();
    return switch (outcome) {
      case Outcome.Registered registered -> registered.registration();
      case Outcome.Refused refused -> throw refused.reason();
      case Outcome.Replay replay -> throw new IllegalStateException("claimed, yet a replay");
      case Outcome.Retry retry -> throw new IllegalStateException("alone, yet a retry");
    };
  }

  private Claim claim(
      @Nullable String idempotencyKey, @Nullable Instant registeredAt, Actor actor) {
    if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
      throw SuishenException.badInput("sampling.idempotency-key.invalid");
    }
    return new Claim(actor, idempotencyKey, UUID.randomUUID(), sampledAt(registeredAt));
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
