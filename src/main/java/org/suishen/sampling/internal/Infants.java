package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.identity.Sex;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * An infant without any document, registered by hand by a parent (001 Q12): the parent identifies
 * themself with any credential the table takes, staff enter the child's name, sex and birth date,
 * and the child gets a provisional person linked to that parent, so the result reaches the parent's
 * view. The same parent bringing the same child again (name and birth date) reuses it.
 */
@Component
public class Infants {

  /** Children older than this have a document (a household register entry) to be sampled with. */
  static final Period MAX_AGE = Period.ofYears(6);

  private static final int MAX_NAME = 40;

  /** What staff enter for the child. */
  public record Child(@Nullable String name, @Nullable String sex, @Nullable LocalDate birthDate) {}

  private final JdbcClient jdbc;
  private final Registrations registrations;
  private final CredentialResolution credentials;
  private final SamplingSites sites;
  private final Clock clock;

  Infants(
      JdbcClient jdbc,
      Registrations registrations,
      CredentialResolution credentials,
      SamplingSites sites,
      Clock clock) {
    this.jdbc = jdbc;
    this.registrations = registrations;
    this.credentials = credentials;
    this.sites = sites;
    this.clock = clock;
  }

  @Transactional
  public Registration register(
      String barcode,
      @Nullable String idempotencyKey,
      PresentedCredential parentCredential,
      Child child,
      java.time.@Nullable Instant registeredAt,
      Actor actor) {
    return registrations.enrol(
        barcode,
        idempotencyKey,
        registeredAt,
        actor,
        () -> {
          var parent = credentials.resolve(parentCredential).person();
          ChildDetails checked = check(child);
          UUID infant = provisional(parent.id(), checked, actor);
          return new Registrations.Subject(
              infant,
              Masking.name(checked.name()),
              SampledPeople.NO_DOCUMENT,
              "-",
              "INFANT",
              parent.id());
        });
  }

  private record ChildDetails(String name, Sex sex, LocalDate birthDate) {}

  private ChildDetails check(Child child) {
    String name = child.name() == null ? "" : child.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw SuishenException.badInput("sampling.infant.name-invalid", MAX_NAME);
    }
    Sex sex;
    try {
      sex = Sex.valueOf(child.sex() == null ? "" : child.sex().strip());
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("sampling.infant.sex-invalid");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate born = child.birthDate();
    if (born == null || born.isAfter(today)) {
      throw SuishenException.badInput("sampling.infant.birth-date-invalid");
    }
    if (!born.plus(MAX_AGE).isAfter(today)) {
      throw SuishenException.badInput("sampling.infant.too-old", MAX_AGE.getYears());
    }
    return new ChildDetails(name, sex, born);
  }

  private UUID provisional(UUID parent, ChildDetails child, Actor actor) {
    String site = sites.siteOf(actor).code();
    return jdbc.sql(
            "INSERT INTO provisional_person (id, parent_person_id, name, sex, birth_date,"
                + " created_at, created_by, site_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (parent_person_id, name, birth_date)"
                + " DO UPDATE SET name = EXCLUDED.name RETURNING id")
        .params(
            UUID.randomUUID(),
            parent,
            child.name(),
            child.sex().name(),
            child.birthDate(),
            Timestamp.from(clock.instant()),
            actor.toString(),
            site)
        .query(UUID.class)
        .single();
  }

  /** The provisional people (infants) a parent registered, for the parent's result view. */
  public java.util.List<Infant> of(UUID parentPersonId) {
    return jdbc.sql(
            "SELECT id, name, sex, birth_date FROM provisional_person WHERE parent_person_id = ?"
                + " ORDER BY birth_date DESC, id")
        .param(parentPersonId)
        .query(
            (rs, n) ->
                new Infant(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    Sex.valueOf(rs.getString(3)),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  /** An infant as their parent sees them (the parent entered the name). */
  public record Infant(UUID id, String name, Sex sex, LocalDate birthDate) {}
}
