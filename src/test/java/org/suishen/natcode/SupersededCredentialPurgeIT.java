package org.suishen.natcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.internal.SupersededCredentialPurge;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A voided NAT credential stays while its code could be shown (terminals need to hear it is
 * voided), and goes a week after its expiry; the person's current credential stays.
 */
@HealthCodeIntegrationTest
class SupersededCredentialPurgeIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired SupersededCredentialPurge purge;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  long credentials(NatFixtures.Resident person, String where) {
    return jdbc.sql("SELECT count(*) FROM nat_credential WHERE person_id = ? AND " + where)
        .param(person.id())
        .query(Long.class)
        .single();
  }

  @Test
  void aVoidedCredentialGoesAWeekAfterItsExpiryAndTheCurrentOneStays() throws Exception {
    var fixtures = new NatFixtures(jdbc, clock, mvc, json);
    var person = fixtures.resident("王小明", 35, null);
    fixtures.generate(person);
    clock.advance(Duration.ofHours(1));
    fixtures.generate(person); // voids the first
    assertThat(credentials(person, "revoked_at IS NOT NULL")).isEqualTo(1);

    // expired (30 days) but not yet a week ago: kept
    clock.advance(Duration.ofDays(36));
    purge.purge();
    assertThat(credentials(person, "revoked_at IS NOT NULL")).isEqualTo(1);

    clock.advance(Duration.ofDays(1).plusHours(1));
    assertThat(purge.purge()).isPositive();
    assertThat(credentials(person, "revoked_at IS NOT NULL")).isZero();
    assertThat(credentials(person, "revoked_at IS NULL")).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'natcode.superseded.purged'")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
