package org.suishen.natcode.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.natcode.internal.Issuance.Outcome;
import org.suishen.shared.limits.PersonWrite;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.security.Actor;
import org.suishen.support.Concurrently;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * NAT codes stored in groups: each code of a group is judged as if it were issued alone, in the
 * group's order (the daily limit, the earlier code voided, the audit entry); codes of many people
 * tapping at once share groups; a code that cannot be stored does not refuse the others of its
 * group; a full queue refuses at once with when to retry.
 */
@HealthCodeIntegrationTest
class IssuanceIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired NatCodes codes;
  @Autowired Issuance issuance;
  @Autowired IssuanceGroups groups;
  @Autowired PersonWriteLimits limits;
  @Autowired PopulationRegister register;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry meters;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
  }

  Person person(Resident resident) {
    return register.find(resident.id()).orElseThrow();
  }

  Issue signed(Resident resident) {
    return codes.signed(person(resident), Actor.citizen("test"), null);
  }

  List<UUID> current(Resident resident) {
    return jdbc.sql(
            "SELECT credential_id FROM nat_credential WHERE person_id = ? AND revoked_at IS NULL")
        .param(resident.id())
        .query(UUID.class)
        .list();
  }

  @Test
  void eachCodeOfAGroupIsJudgedAsIfAloneInTheGroupsOrder() throws Exception {
    var regenerating = fixtures.resident("周一", 30, null);
    String earlier = fixtures.generate(regenerating);
    var first = fixtures.resident("周二", 30, null);
    var atLimit = fixtures.resident("周三", 30, null);
    jdbc.sql(
            "INSERT INTO person_write_count (person_id, write_kind, day, writes) VALUES (?, ?, ?, ?)")
        .param(atLimit.id())
        .param(PersonWrite.NAT_CODE_REGENERATION.key())
        .param(LocalDate.now(clock))
        .param(limits.limit(PersonWrite.NAT_CODE_REGENERATION))
        .update();

    var twiceA = signed(regenerating);
    var once = signed(first);
    var refused = signed(atLimit);
    var twiceB = signed(regenerating);
    List<Outcome> outcomes =
        transactions.execute(tx -> issuance.store(List.of(twiceA, once, refused, twiceB)));

    assertThat(outcomes).hasSize(4);
    var a = (Outcome.Issued) outcomes.get(0);
    var b = (Outcome.Issued) outcomes.get(1);
    var c = (Outcome.Refused) outcomes.get(2);
    var d = (Outcome.Issued) outcomes.get(3);
    assertThat(a.code().replacedEarlier()).isTrue();
    assertThat(b.code().replacedEarlier()).isFalse();
    assertThat(c.refusal().code()).isEqualTo(PersonWriteLimits.CODE);
    assertThat(d.code().replacedEarlier()).isTrue();

    // the person's last code of the group is their current one; the earlier ones are void
    assertThat(current(regenerating)).containsExactly(twiceB.credential().credentialId());
    assertThat(fixtures.scanReason(earlier, NatFixtures.sampler())).isEqualTo("revoked");
    assertThat(fixtures.scanReason(a.code().token(), NatFixtures.sampler())).isEqualTo("revoked");
    assertThat(fixtures.scanReason(d.code().token(), NatFixtures.sampler())).isEqualTo("ok");
    assertThat(fixtures.scanReason(b.code().token(), NatFixtures.sampler())).isEqualTo("ok");
    // both voided codes enter the revocation feed (they had not expired)
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM nat_credential WHERE person_id = ?"
                        + " AND revocation_version IS NOT NULL")
                .param(regenerating.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    // the refused one changed nothing
    assertThat(current(atLimit)).isEmpty();
    assertThat(writes(atLimit)).isEqualTo(limits.limit(PersonWrite.NAT_CODE_REGENERATION));
    assertThat(writes(regenerating)).isEqualTo(3);
    assertThat(writes(first)).isOne();
    // audited one by one
    assertThat(reasons(regenerating)).containsExactly("generated", "regenerated", "regenerated");
    assertThat(reasons(first)).containsExactly("generated");
    assertThat(reasons(atLimit)).isEmpty();
  }

  @Test
  void manyPeopleTappingAtOnceShareGroupsAndEveryCodeIsStored() throws Exception {
    var people = new ArrayList<Resident>();
    for (int i = 0; i < 48; i++) {
      people.add(fixtures.resident("吴" + i, 30, null));
    }
    double groupsBefore = groupSizes().count();
    List<Callable<String>> taps = new ArrayList<>();
    for (Resident p : people) {
      taps.add(() -> codes.generate(person(p), Actor.citizen("test"), null).token());
    }
    var tokens = Concurrently.run(taps);
    for (int i = 0; i < people.size(); i++) {
      assertThat(tokens.get(i).succeeded()).isTrue();
      assertThat(fixtures.scanReason(tokens.get(i).result(), NatFixtures.sampler()))
          .isEqualTo("ok");
      assertThat(current(people.get(i))).hasSize(1);
    }
    // fewer transactions than codes: the codes that arrived together were stored together
    assertThat(groupSizes().count() - groupsBefore).isLessThan(people.size());
  }

  @Test
  void aCodeThatCannotBeStoredDoesNotRefuseTheOthersOfItsGroup() throws Exception {
    var good = fixtures.resident("郑一", 30, null);
    var clashing = fixtures.resident("郑二", 30, null);
    fixtures.generate(clashing);
    UUID taken = current(clashing).getFirst();
    // a credential id that is already in the table: its insert fails, and so its group
    Issue bad = signed(clashing);
    Issue broken =
        new Issue(
            new NatCredential(
                taken,
                bad.personId(),
                bad.credential().issuedAt(),
                bad.credential().expiresAt(),
                null,
                bad.credential().keyId(),
                bad.credential().maskedName(),
                bad.credential().maskedDocument()),
            bad.token(),
            bad.actor(),
            null);
    var outcomes =
        Concurrently.run(
            List.<Callable<Outcome>>of(
                () -> groups.submit(broken), () -> groups.submit(signed(good))));
    assertThat(outcomes.get(0).result()).isInstanceOf(Outcome.Failed.class);
    assertThat(outcomes.get(1).result()).isInstanceOf(Outcome.Issued.class);
    assertThat(current(good)).hasSize(1);
    assertThat(current(clashing)).containsExactly(taken);
  }

  @Test
  void aFullQueueRefusesAtOnceWithWhenToRetry() throws Exception {
    var person = fixtures.resident("王五", 30, null);
    groups.stop();
    try {
      mvc.perform(
              post("/api/me/natcode")
                  .with(NatFixtures.citizen(person))
                  .with(HealthCodeFixtures.xsrf())
                  .param("lang", "en"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.code").value("natcode.busy"))
          .andExpect(header().string("Retry-After", "2"))
          .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("核酸码")))
          .andExpect(
              jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("try again")));
    } finally {
      groups.start();
    }
    assertThat(current(person)).isEmpty();
    assertThat(fixtures.generate(person)).isNotBlank();
  }

  private io.micrometer.core.instrument.DistributionSummary groupSizes() {
    return meters.get("suishen.natcode.issuance.group.size").summary();
  }

  private int writes(Resident resident) {
    return jdbc.sql(
            "SELECT coalesce(sum(writes), 0) FROM person_write_count"
                + " WHERE person_id = ? AND write_kind = ?")
        .param(resident.id())
        .param(PersonWrite.NAT_CODE_REGENERATION.key())
        .query(Integer.class)
        .single();
  }

  private List<String> reasons(Resident resident) {
    return jdbc.sql(
            "SELECT reason FROM audit_event WHERE action = 'natcode.issued' AND subject = ?"
                + " ORDER BY id")
        .param(resident.id())
        .query(String.class)
        .list();
  }
}
