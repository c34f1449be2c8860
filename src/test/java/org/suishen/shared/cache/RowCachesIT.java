package org.suishen.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.healthcode.CodeSubjects;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.support.MutableClock;

/**
 * The rows every code display reads besides the status, kept on each node on PostgreSQL: the
 * register's person, the latest declaration (also "none yet") and the code reference are kept after
 * a read and dropped by the triggers' notifications of a write made elsewhere (here plain SQL, as
 * another node's), one person at a time or everyone for a large statement.
 */
@HealthCodeIntegrationTest
class RowCachesIT {

  @Autowired List<PersonRowCache<?>> caches;
  @Autowired PopulationRegister register;
  @Autowired HealthDeclarations declarations;
  @Autowired CodeSubjects subjects;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  HealthCodeFixtures fixtures;

  PersonRowCache<?> cache(String channel) {
    return caches.stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
  }

  PersonRowCache<?> people() {
    return cache("person_changed");
  }

  PersonRowCache<?> latestDeclarations() {
    return cache("health_declaration_changed");
  }

  PersonRowCache<?> codeReferences() {
    return cache("code_subject_changed");
  }

  @BeforeEach
  void cachesOn() {
    caches.forEach(c -> c.enable(true));
    fixtures = new HealthCodeFixtures(jdbc, clock);
    waitUntil(() -> caches.stream().allMatch(PersonRowCache::answering), "the listener");
  }

  @AfterEach
  void cachesOff() {
    caches.forEach(c -> c.enable(false));
  }

  static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Reads until kept: the notification of the fixture's own write may drop a row just read. */
  void readUntilKept(PersonRowCache<?> cache, UUID person, Runnable read) {
    waitUntil(
        () -> {
          read.run();
          return cache.keeps(person);
        },
        "the row to be kept");
  }

  @Test
  void theRegistersPersonIsKeptUntilAWriteToTheRegisterIsNotified() {
    var person = fixtures.person("王小明", null);
    readUntilKept(people(), person.id(), () -> register.find(person.id()));
    assertThat(register.find(person.id()).map(Person::name)).contains("王小明");

    // a name correction on another node: a plain statement; the register drops everyone
    jdbc.sql("UPDATE person SET name = '王大明' WHERE id = ?").param(person.id()).update();
    waitUntil(() -> !people().keeps(person.id()), "the register's notification");
    assertThat(register.find(person.id()).map(Person::name)).contains("王大明");
  }

  @Test
  void noDeclarationYetIsKeptAndTheFirstDeclarationDropsIt() {
    var person = fixtures.undeclaredPerson("李四", null);
    readUntilKept(latestDeclarations(), person.id(), () -> declarations.latest(person.id()));
    assertThat(declarations.latest(person.id())).isEmpty();

    fixtures.declared(person.id());
    waitUntil(() -> !latestDeclarations().keeps(person.id()), "the declaration's notification");
    assertThat(declarations.latest(person.id())).isPresent();
  }

  @Test
  void theCodeReferenceIsKeptAndAWithdrawalElsewhereDropsIt() {
    var person = fixtures.person();
    UUID first = subjects.referenceOf(person.id());
    readUntilKept(codeReferences(), person.id(), () -> subjects.referenceOf(person.id()));
    assertThat(subjects.referenceOf(person.id())).isEqualTo(first);

    // another node renews: the reference withdrawn and a new one made, in plain SQL
    UUID renewed = UUID.randomUUID();
    jdbc.sql(
            "UPDATE code_subject SET revoked_at = now(), revocation_version = 1"
                + " WHERE person_id = ? AND revoked_at IS NULL")
        .param(person.id())
        .update();
    jdbc.sql("INSERT INTO code_subject (person_ref, person_id, created_at) VALUES (?, ?, now())")
        .params(renewed, person.id())
        .update();
    waitUntil(() -> !codeReferences().keeps(person.id()), "the reference's notification");
    assertThat(subjects.referenceOf(person.id())).isEqualTo(renewed);
  }

  @Test
  void aRenewalOnThisNodeIsDroppedAtItsCommit() {
    var person = fixtures.person();
    readUntilKept(codeReferences(), person.id(), () -> subjects.referenceOf(person.id()));

    UUID renewed = subjects.renew(person.id());

    // no wait: the commit dropped it here, before any notification
    assertThat(subjects.referenceOf(person.id())).isEqualTo(renewed);
  }

  @Test
  void aStatementOverMoreThanAHundredPeopleDropsEveryone() {
    var people = new ArrayList<UUID>();
    for (int i = 0; i < 101; i++) {
      people.add(fixtures.undeclaredPerson("张三", null).id());
    }
    for (UUID person : people) {
      readUntilKept(latestDeclarations(), person, () -> declarations.latest(person));
    }

    jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " SELECT gen_random_uuid(), p, now(), ARRAY[]::text[], 36.5, '[]'::jsonb, false,"
                + " false FROM unnest(?::uuid[]) AS p")
        .param(people.stream().map(UUID::toString).toArray(String[]::new))
        .update();

    waitUntil(() -> people.stream().noneMatch(latestDeclarations()::keeps), "the '*' notification");
    assertThat(declarations.latest(people.getLast())).isPresent();
  }
}
