package org.suishen.status.internal.cache;

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
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatuses;
import org.suishen.status.internal.Cause;
import org.suishen.status.internal.StatusRows;
import org.suishen.support.MutableClock;

/**
 * The code display's status rows on PostgreSQL: kept after the first read, dropped by the
 * notification of any write (here a plain SQL write, as another node's would be), by a commit on
 * this node at once, and wholesale by a statement over many people.
 */
@HealthCodeIntegrationTest
class StatusRowCacheIT {

  @Autowired StatusRowCache cache;
  @Autowired HealthStatuses statuses;
  @Autowired StatusRows rows;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired TransactionTemplate transactions;

  HealthCodeFixtures fixtures;

  @BeforeEach
  void cacheOn() {
    cache.enable(true);
    fixtures = new HealthCodeFixtures(jdbc, clock);
    waitUntil(cache::answering, "the listener to listen");
  }

  @AfterEach
  void cacheOff() {
    cache.enable(false);
  }

  static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s for " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Reads until the row is kept: the notification of the fixture's own write (or another test's
   * large statement) may arrive just after a read and drop it.
   */
  void readUntilKept(UUID person) {
    waitUntil(
        () -> {
          statuses.current(person);
          return cache.keeps(person);
        },
        "the row to be kept");
  }

  @Test
  void aRowReadOnceIsKeptUntilAnotherNodesWriteIsNotified() {
    var person = fixtures.person();
    fixtures.colour(person.id(), Colour.GREEN);
    readUntilKept(person.id());
    assertThat(statuses.current(person.id()).colour()).isEqualTo(Colour.GREEN);

    // as another node writes: a plain statement, no hook of this node; the trigger notifies
    fixtures.colour(person.id(), Colour.RED);
    waitUntil(() -> !cache.keeps(person.id()), "the update's notification");
    assertThat(statuses.current(person.id()).colour()).isEqualTo(Colour.RED);
  }

  @Test
  void aPersonWithoutARowIsKeptAsGreenAndDroppedWhenTheRowIsMade() {
    var person = fixtures.person();
    readUntilKept(person.id());
    assertThat(statuses.current(person.id()).colour()).isEqualTo(Colour.GREEN);

    fixtures.colour(person.id(), Colour.YELLOW);
    waitUntil(() -> !cache.keeps(person.id()), "the insert's notification");
    assertThat(statuses.current(person.id()).colour()).isEqualTo(Colour.YELLOW);
  }

  @Test
  void aChangeCommittedOnThisNodeIsDroppedAtCommitNotLater() {
    var person = fixtures.person();
    fixtures.colour(person.id(), Colour.GREEN);
    readUntilKept(person.id());

    transactions.executeWithoutResult(
        tx -> {
          rows.markDue(
              List.of(person.id()),
              clock.instant(),
              new Cause(Actor.system("status-cache-it"), "test:cache"));
          // inside the transaction the cache is not asked (whether it still keeps the row here
          // depends on other writes of the moment: any large statement drops everything)
        });
    // dropped by the commit itself, before any notification could arrive
    assertThat(cache.keeps(person.id())).isFalse();
  }

  @Test
  void aStatementOverManyPeopleDropsEverything() {
    var people = new ArrayList<UUID>();
    for (int i = 0; i < 3; i++) {
      var person = fixtures.person();
      people.add(person.id());
      readUntilKept(person.id());
    }

    // over 100 rows in one statement: the notification says '*'
    jdbc.sql(
            "INSERT INTO health_status (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice) SELECT gen_random_uuid(), 'GREEN', 'test', 'cache-it', 'manual',"
                + " now(), false FROM generate_series(1, 150)")
        .update();
    waitUntil(() -> people.stream().noneMatch(cache::keeps), "the '*' notification");
    jdbc.sql("DELETE FROM health_status WHERE reason = 'cache-it'").update();
  }

  @Test
  void aRowReadWhileADropWasUnderWayIsNotKept() {
    UUID person = UUID.randomUUID();
    var read =
        cache.find(
            person,
            id -> {
              cache.drop(List.of(UUID.randomUUID())); // a change lands during the read
              return java.util.Optional.empty();
            });
    assertThat(read).isEmpty();
    assertThat(cache.keeps(person)).isFalse();
  }

  @Test
  void insideATransactionTheCacheIsNotAsked() {
    var person = fixtures.person();
    transactions.executeWithoutResult(tx -> statuses.current(person.id()));
    assertThat(cache.keeps(person.id())).isFalse();
  }
}
