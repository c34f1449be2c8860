package org.suishen.natcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.CodeSubjects;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * N5, R4 (seed 002): the NAT code, the live code and the proxy code are independent — creating,
 * renewing or using one never touches another. Each test takes one pair (or all three) and checks
 * both ways, by scanning and by the stored rows.
 */
@HealthCodeIntegrationTest
class IndependenceIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired CodeSubjects subjects;

  NatFixtures fixtures;
  Resident mother;
  Resident child;

  @BeforeEach
  void motherAndChild() throws Exception {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
    String household = NatFixtures.household();
    mother = fixtures.resident("陈静", 36, household);
    child = fixtures.resident("陈乐乐", 6, household);
    fixtures.bind(mother, child);
  }

  String atSampling(String token) throws Exception {
    return fixtures.scanReason(token, NatFixtures.sampler());
  }

  String atVenue(String token) throws Exception {
    return fixtures.scanReason(token, NatFixtures.venueStaff());
  }

  /** What the child's codes are built on: NAT credentials and the person reference. */
  Map<String, Object> state() {
    return Map.of(
        "nat",
        jdbc.sql(
                "SELECT credential_id, revoked_at, revocation_version, expires_at FROM nat_credential"
                    + " WHERE person_id = ? ORDER BY issued_at, credential_id")
            .param(child.id())
            .query()
            .listOfRows(),
        "subjects",
        jdbc.sql(
                "SELECT person_ref, revoked_at FROM code_subject WHERE person_id = ?"
                    + " ORDER BY created_at, person_ref")
            .param(child.id())
            .query()
            .listOfRows());
  }

  @Test
  void regeneratingTheNatCodeLeavesTheLiveCodeAndTheProxyCodeValid() throws Exception {
    fixtures.generateFor(mother, child);
    String live = fixtures.liveCode(child);
    String proxy = fixtures.proxyCode(mother, child);
    var references = subjects.referenceOf(child.id());

    String renewed = fixtures.generateFor(mother, child); // renewing the NAT code
    fixtures.generate(child); // and the child's own tap

    assertThat(atVenue(live)).isEqualTo("ok");
    assertThat(atVenue(proxy)).isEqualTo("ok");
    assertThat(atSampling(live)).isEqualTo("ok");
    assertThat(atSampling(renewed)).isEqualTo("revoked"); // voided by the child's own tap (N2)
    assertThat(subjects.referenceOf(child.id())).isEqualTo(references);
  }

  @Test
  void showingAndScanningAProxyCodeLeavesTheChildsNatCodeValid() throws Exception {
    String nat = fixtures.generateFor(mother, child);
    String live = fixtures.liveCode(child);
    var before = state();

    for (int i = 0; i < 3; i++) {
      String proxy = fixtures.proxyCode(mother, child);
      assertThat(atVenue(proxy)).isEqualTo("ok");
      assertThat(atSampling(proxy)).isEqualTo("ok");
    }

    assertThat(atSampling(nat)).isEqualTo("ok");
    assertThat(atVenue(live)).isEqualTo("ok");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void scanningAnyOfThemChangesNothingInTheOthers() throws Exception {
    String nat = fixtures.generateFor(mother, child);
    String live = fixtures.liveCode(child);
    String proxy = fixtures.proxyCode(mother, child);
    var before = state();

    for (String token : List.of(nat, live, proxy, live, nat, proxy)) {
      assertThat(atSampling(token)).isEqualTo("ok");
    }
    assertThat(atVenue(nat)).isEqualTo("wrong-code-type");

    assertThat(state()).isEqualTo(before);
    assertThat(List.of(atSampling(nat), atVenue(live), atVenue(proxy))).containsOnly("ok");
  }

  @Test
  void theChildsOwnLiveCodeStillWorksWhileTheMotherActsForTheChild() throws Exception {
    fixtures.proxyCode(mother, child);
    fixtures.generateFor(mother, child);
    fixtures.proxyCode(mother, child);

    assertThat(atVenue(fixtures.liveCode(child))).isEqualTo("ok");
    assertThat(atSampling(fixtures.liveCode(child))).isEqualTo("ok");
  }

  @Test
  void withdrawingTheLiveCodeReferenceLeavesTheNatCodeValidAndViceVersa() throws Exception {
    String nat = fixtures.generateFor(mother, child);
    String live = fixtures.liveCode(child);
    String proxy = fixtures.proxyCode(mother, child);

    subjects.renew(child.id()); // e.g. the child's phone was lost: live and proxy codes so far die

    assertThat(atVenue(live)).isEqualTo("revoked");
    assertThat(atVenue(proxy)).isEqualTo("revoked");
    assertThat(atSampling(nat)).isEqualTo("ok");
    assertThat(atVenue(fixtures.liveCode(child))).isEqualTo("ok");
    assertThat(atVenue(fixtures.proxyCode(mother, child))).isEqualTo("ok");
  }

  @Test
  void theChildsCodesAndTheMothersOwnCodesDoNotTouchEachOther() throws Exception {
    String mothersNat = fixtures.generate(mother);
    String mothersLive = fixtures.liveCode(mother);

    fixtures.generateFor(mother, child);
    fixtures.generateFor(mother, child);
    fixtures.proxyCode(mother, child);

    assertThat(atSampling(mothersNat)).isEqualTo("ok");
    assertThat(atVenue(mothersLive)).isEqualTo("ok");
    String childsNat = fixtures.generateFor(mother, child);
    fixtures.generate(mother);
    assertThat(atSampling(childsNat)).isEqualTo("ok");
    assertThat(atSampling(mothersNat)).isEqualTo("revoked");
  }
}
