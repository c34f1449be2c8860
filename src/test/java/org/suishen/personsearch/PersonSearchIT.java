package org.suishen.personsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.support.IntegrationTest;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviewers and the health authority find a person by document (the authority also by phone), with
 * an audited reason; results are masked; nobody matching is an empty answer, not a 404.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PersonSearchIT {

  static final String REASON = "处理申诉：申诉人来电核实身份";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Clock clock;

  record Registered(UUID id, String number, LocalDate birthDate) {}

  Registered resident(String name, LocalDate birthDate) {
    // a random sequence number of the day, drawn again if an earlier test's person has it
    for (int attempt = 1; ; attempt++) {
      String first17 =
          "310104"
              + birthDate.toString().replace("-", "")
              + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
      String number = first17 + checkCharacter(first17);
      var id = UUID.randomUUID();
      var now = OffsetDateTime.now(clock);
      try {
        jdbc.sql(
                "INSERT INTO person (id, document_type, document_number, name, name_normalised,"
                    + " sex, birth_date, registered_at, updated_at)"
                    + " VALUES (?, 'RESIDENT_ID', ?, ?, ?, 'M', ?, ?, ?)")
            .params(id, number, name, name, birthDate, now, now)
            .update();
        return new Registered(id, number, birthDate);
      } catch (org.springframework.dao.DuplicateKeyException taken) {
        if (attempt == 20) {
          throw taken;
        }
      }
    }
  }

  /** A citizen account bound to this phone, registered as the person (or not yet registered). */
  String phoneOf(@Nullable UUID personId) {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            "INSERT INTO citizen_account (id, phone, person_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), phone, personId, now, now)
        .update();
    return phone;
  }

  static char checkCharacter(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  static RequestPostProcessor staff(String login) {
    return httpBasic(login, TestStaffAccounts.PASSWORD);
  }

  ResultActions search(RequestPostProcessor who, Map<String, @Nullable Object> query)
      throws Exception {
    return mvc.perform(
        post("/api/staff/persons/search")
            .with(who)
            .with(HealthCodeFixtures.xsrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(query)));
  }

  static Map<String, @Nullable Object> byDocument(String type, String number, String reason) {
    Map<String, @Nullable Object> query = new HashMap<>();
    query.put("documentType", type);
    query.put("documentNumber", number);
    query.put("reason", reason);
    return query;
  }

  static Map<String, @Nullable Object> byPhone(String phone, String reason) {
    Map<String, @Nullable Object> query = new HashMap<>();
    query.put("phone", phone);
    query.put("reason", reason);
    return query;
  }

  record AuditRow(String actor, @Nullable UUID subject, String reason, String detail) {}

  /** The search entries the searcher left, in order. */
  List<AuditRow> searchesBy(String actor) {
    return jdbc.sql(
            "SELECT actor, subject, reason, detail FROM audit_event"
                + " WHERE action = 'personsearch.person.searched' AND actor = ? ORDER BY id")
        .param(actor)
        .query(
            (rs, n) ->
                new AuditRow(
                    rs.getString("actor"),
                    rs.getObject("subject", UUID.class),
                    rs.getString("reason"),
                    rs.getString("detail")))
        .list();
  }

  List<AuditRow> searchesFor(UUID subject) {
    return jdbc.sql(
            "SELECT actor, subject, reason, detail FROM audit_event"
                + " WHERE action = 'personsearch.person.searched' AND subject = ? ORDER BY id")
        .param(subject)
        .query(
            (rs, n) ->
                new AuditRow(
                    rs.getString("actor"),
                    rs.getObject("subject", UUID.class),
                    rs.getString("reason"),
                    rs.getString("detail")))
        .list();
  }

  @Test
  void aReviewerFindsAPersonByDocumentMaskedAndWithoutTheColour() throws Exception {
    LocalDate born = LocalDate.now(clock).minusYears(36).minusDays(10);
    var person = resident("王小明", born);

    // typed as people type it: lower-case check character and blanks are folded
    String typed = " " + person.number().substring(0, 6) + " " + person.number().substring(6);
    search(staff(TestStaffAccounts.REVIEWER), byDocument("resident_id", typed, REASON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matches.length()").value(1))
        .andExpect(jsonPath("$.matches[0].personId").value(person.id().toString()))
        .andExpect(jsonPath("$.matches[0].maskedName").value("王*明"))
        .andExpect(jsonPath("$.matches[0].documentType").value("RESIDENT_ID"))
        .andExpect(
            jsonPath("$.matches[0].maskedDocumentNumber")
                .value(
                    person.number().substring(0, 4) + "**********" + person.number().substring(14)))
        .andExpect(jsonPath("$.matches[0].birthYear").value(born.getYear()))
        .andExpect(jsonPath("$.matches[0].age").value(36))
        .andExpect(jsonPath("$.matches[0].colour").doesNotExist())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(person.number()))))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("王小明"))));

    assertThat(searchesFor(person.id()))
        .containsExactly(
            new AuditRow(
                "staff:" + TestStaffAccounts.REVIEWER,
                person.id(),
                REASON,
                "by=document type=RESIDENT_ID found=1"));
  }

  @Test
  void theAuthorityFindsAPersonByPhoneWithTheCurrentColour() throws Exception {
    var person = resident("李四", LocalDate.now(clock).minusYears(52));
    String phone = phoneOf(person.id());
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(staff(TestStaffAccounts.AUTHORITY))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\nPS-%s,%s,QUARANTINE,%s\n"
                        .formatted(
                            person.id(), person.id(), clock.instant().minus(Duration.ofHours(2)))))
        .andExpect(status().isOk());

    search(
            staff(TestStaffAccounts.AUTHORITY),
            byPhone("+86 " + phone.substring(0, 3) + "-" + phone.substring(3), "人工改码前核实身份"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matches.length()").value(1))
        .andExpect(jsonPath("$.matches[0].personId").value(person.id().toString()))
        .andExpect(jsonPath("$.matches[0].maskedName").value("李*"))
        .andExpect(jsonPath("$.matches[0].colour").value("RED"))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(phone))));
    // and by document, also with the colour
    search(staff(TestStaffAccounts.AUTHORITY), byDocument("RESIDENT_ID", person.number(), REASON))
        .andExpect(jsonPath("$.matches[0].colour").value("RED"));

    assertThat(searchesFor(person.id()))
        .extracting(AuditRow::detail)
        .containsExactly("by=phone found=1", "by=document type=RESIDENT_ID found=1");
    assertThat(searchesFor(person.id()))
        .allSatisfy(row -> assertThat(row.detail()).doesNotContain(phone, person.number()));
  }

  @Test
  void nobodyMatchingIsAnEmptyAnswerNotA404AndIsAuditedToo() throws Exception {
    String actor = "staff:" + TestStaffAccounts.SECOND_AUTHORITY;
    int before = searchesBy(actor).size();
    var nobody = resident("赵六", LocalDate.of(1980, 1, 1));
    String unregisteredNumber = nobody.number();
    jdbc.sql("DELETE FROM person WHERE id = ?").param(nobody.id()).update();

    search(
            staff(TestStaffAccounts.SECOND_AUTHORITY),
            byDocument("RESIDENT_ID", unregisteredNumber, REASON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matches.length()").value(0));
    // a phone nobody uses, and one whose account has not claimed an identity
    search(staff(TestStaffAccounts.SECOND_AUTHORITY), byPhone("13700000001", REASON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matches.length()").value(0));
    search(staff(TestStaffAccounts.SECOND_AUTHORITY), byPhone(phoneOf(null), REASON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matches.length()").value(0));

    assertThat(searchesBy(actor).subList(before, before + 3))
        .extracting(AuditRow::subject, AuditRow::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, "by=document type=RESIDENT_ID found=0"),
            org.assertj.core.groups.Tuple.tuple(null, "by=phone found=0"),
            org.assertj.core.groups.Tuple.tuple(null, "by=phone found=0"));
  }

  @Test
  void aReviewerMayNotSearchByPhone() throws Exception {
    var person = resident("孙七", LocalDate.of(1975, 3, 3));
    search(staff(TestStaffAccounts.SECOND_REVIEWER), byPhone(phoneOf(person.id()), REASON))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("personsearch.phone.not-allowed"));
    assertThat(searchesFor(person.id())).isEmpty();
  }

  @Test
  void citizensDevicesAndOtherStaffAreRefused() throws Exception {
    var person = resident("周八", LocalDate.of(1988, 8, 8));
    var query = byDocument("RESIDENT_ID", person.number(), REASON);

    var citizen =
        SecurityMockMvcRequestPostProcessors.authentication(
            UsernamePasswordAuthenticationToken.authenticated(
                new CitizenPrincipal(UUID.randomUUID(), "13800000000", person.id()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
    search(citizen, query)
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    for (String login :
        List.of(
            TestStaffAccounts.SENTINEL,
            TestStaffAccounts.KIOSK,
            TestStaffAccounts.VENUE_STAFF,
            TestStaffAccounts.AUDITOR)) {
      search(staff(login), query)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("auth.forbidden"));
    }
    mvc.perform(
            post("/api/staff/persons/search")
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(query)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
    assertThat(searchesFor(person.id())).isEmpty();
  }

  @Test
  void aSearchWithoutAReasonIsRefusedAndReadsNothing() throws Exception {
    var person = resident("吴九", LocalDate.of(1999, 9, 9));
    for (String reason : new String[] {null, "", "   ", "查询"}) {
      search(staff(TestStaffAccounts.REVIEWER), byDocument("RESIDENT_ID", person.number(), reason))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.code").value("personsearch.reason.required"));
    }
    search(
            staff(TestStaffAccounts.REVIEWER),
            byDocument("RESIDENT_ID", person.number(), "因".repeat(201)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("personsearch.reason.too-long"));
    assertThat(searchesFor(person.id())).isEmpty();
  }

  @Test
  void aSearchNeedsExactlyOneWellFormedCriterion() throws Exception {
    var person = resident("郑十", LocalDate.of(1966, 6, 6));
    var reviewer = staff(TestStaffAccounts.REVIEWER);
    var authority = staff(TestStaffAccounts.AUTHORITY);

    Map<String, @Nullable Object> nothing = new HashMap<>();
    nothing.put("reason", REASON);
    search(reviewer, nothing)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("personsearch.criterion.required"));
    var both = byDocument("RESIDENT_ID", person.number(), REASON);
    both.put("phone", "13800000000");
    search(authority, both)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("personsearch.criterion.ambiguous"));
    search(reviewer, byDocument("RESIDENT_ID", "", REASON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("personsearch.document.incomplete"));
    search(reviewer, byDocument("LIBRARY_CARD", person.number(), REASON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("identity.document.unknown-type"));
    String wrongCheck =
        person.number().substring(0, 17) + (person.number().charAt(17) == '1' ? '2' : '1');
    search(reviewer, byDocument("RESIDENT_ID", wrongCheck, REASON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("identity.document.check-digit"));
    search(authority, byPhone("12345", REASON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.phone.format"));
    assertThat(searchesFor(person.id())).isEmpty();
  }
}
