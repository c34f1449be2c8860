package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatuses;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guardian acts for a dependant who cannot declare themselves (H1, R1-R4): a parent binds a
 * three-year-old, declares the child's health, and shows the child's proxy code, which a sentinel
 * scans as the child with the colour the declaration gives. Only a standing binding allows it.
 */
@HealthCodeIntegrationTest
class GuardianDeclarationIT {

  /** A region code under Xinjiang (650000) that only this test lists as a key region. */
  static final String KEY_REGION = "659004";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired HealthStatuses statuses;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
    jdbc.sql(
            "INSERT INTO key_region (region_code, valid_from, name, recorded_at)"
                + " VALUES (?, ?, 'test key region', ?) ON CONFLICT DO NOTHING")
        .param(KEY_REGION)
        .param(LocalDate.now(clock).minusDays(60))
        .param(OffsetDateTime.now(clock))
        .update();
  }

  @Test
  void aParentDeclaresForTheirThreeYearOldWhoseProxyCodeScansWithTheColourItGives()
      throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("李红梅", 34, household);
    var child = register.resident("李小宝", 3, household);
    UUID bindingId = bind(mother, child);

    // before: the child has not declared, so no proxy code
    mvc.perform(get("/api/me/dependants/{id}/code", child.id()).with(citizen(mother)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("proxycode.declaration-required"));
    mvc.perform(
            get("/api/me/dependants/{id}/declarations/latest", child.id()).with(citizen(mother)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("declaration.not-found"));

    // the mother declares for the child: back yesterday from a key region (yellow, H2)
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    declareFor(
            mother,
            child,
            declaration(
                "[\"NONE\"]",
                "36.8",
                "[{\"regionCode\":\"" + KEY_REGION + "\",\"arrivedOn\":\"" + yesterday + "\"}]",
                "true"))
        .andExpect(status().isCreated())
        .andExpect(
            header()
                .string("Location", "/api/me/dependants/" + child.id() + "/declarations/latest"))
        .andExpect(jsonPath("$.temperature").value(36.8))
        .andExpect(jsonPath("$.regionVisits[0].regionCode").value(KEY_REGION))
        .andExpect(jsonPath("$.declaredBy.holderPersonId").value(mother.id().toString()))
        .andExpect(jsonPath("$.declaredBy.bindingId").value(bindingId.toString()));

    // the record is the child's, naming the holder and the binding, when it was made
    var row =
        jdbc.sql(
                "SELECT person_id, declared_by_holder_id, declared_by_binding_id, declared_at"
                    + " FROM health_declaration WHERE person_id = ?")
            .param(child.id())
            .query()
            .singleRow();
    assertThat(row.get("declared_by_holder_id")).isEqualTo(mother.id());
    assertThat(row.get("declared_by_binding_id")).isEqualTo(bindingId);
    assertThat(((java.sql.Timestamp) row.get("declared_at")).toInstant())
        .isBetween(clock.instant().minusSeconds(60), clock.instant());
    // and audited with both people, the mother's account as the actor
    assertThat(audits("declaration.submitted", child.id(), mother.id()))
        .containsExactly("citizen:" + DependantsApiIT.accountOf(mother) + " by-holder");
    // the mother's own health declaration is another matter: she has none
    assertThat(declarationsOf(mother.id())).isZero();

    // the status engine reads the declaration like any other: the child is yellow
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statuses.current(child.id()).colour() == Colour.YELLOW);

    JsonNode proxy =
        read(
            mvc.perform(get("/api/me/dependants/{id}/code", child.id()).with(citizen(mother)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.codeType").value("PROXY"))
                .andExpect(jsonPath("$.maskedName").value("李*宝"))
                .andExpect(jsonPath("$.colour").value("YELLOW")));
    JsonNode scanned = scan(proxy.get("token").asString(), sentinel());
    assertThat(scanned.get("maskedName").asString()).isEqualTo("李*宝");
    assertThat(scanned.get("colour").asString()).isEqualTo("YELLOW");
    assertThat(scanned.get("codeType").asString()).isEqualTo("PROXY");
    assertThat(scanned.get("presentedBy").asString()).isEqualTo("relative");

    // the mother reads what she declared; each read is audited with both people
    mvc.perform(
            get("/api/me/dependants/{id}/declarations/latest", child.id()).with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.declaredBy.bindingId").value(bindingId.toString()))
        .andExpect(jsonPath("$.arrivingFromOtherRegion").value(true));
    mvc.perform(get("/api/me/dependants/{id}/declarations", child.id()).with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].declaredBy.holderPersonId").value(mother.id().toString()))
        .andExpect(content().string(org.hamcrest.Matchers.not(containing("李小宝"))));
    assertThat(audits("declaration.read", child.id(), mother.id())).hasSize(3);
  }

  @Test
  void aReDeclarationByTheGuardianClearsTheDependantsReDeclareNotice() throws Exception {
    String household = RegisterFixtures.household();
    var grandson = register.resident("周建华", 45, household);
    var grandmother = register.resident("周秀英", 90, household);
    bind(grandson, grandmother);
    declareFor(grandson, grandmother, healthy()).andExpect(status().isCreated());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> declarationStateKnown(grandmother.id()));

    // the authority asks her to declare again (H2): a green code with the notice
    jdbc.sql("UPDATE declaration_state SET redeclare_requested_at = ? WHERE person_id = ?")
        .param(OffsetDateTime.now(clock))
        .param(grandmother.id())
        .update();
    new HealthCodeFixtures(jdbc, clock).colour(grandmother.id(), Colour.GREEN, true);
    mvc.perform(get("/api/me/dependants/{id}/code", grandmother.id()).with(citizen(grandson)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.redeclareNotice").value(true));

    clock.advance(Duration.ofMinutes(1));
    try {
      declareFor(grandson, grandmother, healthy()).andExpect(status().isCreated());
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !statuses.current(grandmother.id()).redeclareNotice());
    } finally {
      clock.reset();
    }
    mvc.perform(get("/api/me/dependants/{id}/code", grandmother.id()).with(citizen(grandson)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.redeclareNotice").value(false))
        .andExpect(jsonPath("$.colour").value("GREEN"));
    assertThat(audits("declaration.submitted", grandmother.id(), grandson.id())).hasSize(2);
  }

  @Test
  void aHolderWhoseBindingIsPendingRejectedOrRemovedCannotDeclareAndNothingIsWritten()
      throws Exception {
    // pending: another household, the uploaded page waits for a reviewer
    var niece = register.resident("孙丽", 28, RegisterFixtures.household());
    var aunt = register.resident("孙桂兰", 66, RegisterFixtures.household());
    bindWithPage(niece, aunt);
    refused(niece, aunt, "dependants.not-bound");

    // rejected by the reviewer
    var nephew = register.resident("孙伟", 30, RegisterFixtures.household());
    UUID rejected = bindWithPage(nephew, aunt);
    mvc.perform(
            post("/api/review/dependants/{id}/decision", rejected)
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"REJECTED\",\"reason\":\"page unreadable\"}"))
        .andExpect(status().isOk());
    refused(nephew, aunt, "dependants.not-bound");

    // removed: bound at once (same household), then removed
    String household = RegisterFixtures.household();
    var father = register.resident("陈建国", 40, household);
    var son = register.resident("陈小龙", 3, household);
    UUID removed = bind(father, son);
    mvc.perform(
            post("/api/review/dependants/{id}/removal", removed)
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"not the father\"}"))
        .andExpect(status().isOk());
    refused(father, son, "dependants.not-bound");

    // no binding at all, and the dependant cannot act for the holder either
    var stranger = register.resident("赵强", 40, RegisterFixtures.household());
    refused(stranger, son, "dependants.not-bound");
    refused(son, father, "dependants.not-bound");

    for (var dependant : List.of(aunt, son, father)) {
      assertThat(declarationsOf(dependant.id())).isZero();
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE subject = ?"
                          + " AND action LIKE 'declaration.%'")
                  .param(dependant.id())
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  @Test
  void aBoundHolderIsHeldToTheSameRulesAndOnlyARegisteredCitizenMayAsk() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("王芳", 31, household);
    var child = register.resident("王小明", 3, household);
    bind(mother, child);

    declareFor(mother, child, declaration("[]", "36.6", "[]", "false"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("declaration.symptoms.required"));
    declareFor(mother, child, declaration("[\"NONE\"]", "45.0", "[]", "false"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("declaration.temperature.range"));
    declareFor(mother, child, declaration("[\"NONE\"]", "36.6", "[]", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("declaration.region.required"));
    mvc.perform(
            post("/api/me/dependants/{id}/declarations", child.id())
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"symptoms\": [\"NONE\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(
            post("/api/me/dependants/{id}/declarations", "not-a-uuid")
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(healthy()))
        .andExpect(status().isBadRequest());
    assertThat(declarationsOf(child.id())).isZero();

    // a citizen who has not registered with their real name
    mvc.perform(
            post("/api/me/dependants/{id}/declarations", child.id())
                .with(authentication(HealthCodeFixtures.citizen(null)))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(healthy()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("citizen.registration.required"));
    // not signed in, or staff
    mvc.perform(
            post("/api/me/dependants/{id}/declarations", child.id())
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(healthy()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me/dependants/{id}/declarations", child.id()).with(reviewer()))
        .andExpect(status().isForbidden());
    assertThat(declarationsOf(child.id())).isZero();
  }

  @Test
  void theGuardianEndpointsAreDocumentedInOpenApi() throws Exception {
    String path = "$.paths['/api/me/dependants/{dependantId}/declarations']";
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath(path + ".post.summary").isNotEmpty())
        .andExpect(
            jsonPath(path + ".post.description")
                .value(
                    org.hamcrest.Matchers.allOf(
                        containing("Roles: CITIZEN"), containing("dependants.not-bound"))))
        .andExpect(jsonPath(path + ".get.summary").isNotEmpty())
        .andExpect(
            jsonPath(
                    "$.paths['/api/me/dependants/{dependantId}/declarations/latest'].get.description")
                .value(containing("declaration.not-found")))
        .andExpect(jsonPath("$.components.schemas.DeclarationView.properties.declaredBy").exists())
        .andExpect(
            jsonPath("$.components.schemas.DeclarationForm.properties.temperature.example")
                .value(36.6));
  }

  // ---- helpers ----

  private void refused(Registered holder, Registered dependant, String code) throws Exception {
    for (RequestBuilder request :
        new RequestBuilder[] {
          post("/api/me/dependants/{id}/declarations", dependant.id())
              .with(citizen(holder))
              .with(HealthCodeFixtures.xsrf())
              .contentType(MediaType.APPLICATION_JSON)
              .content(healthy()),
          get("/api/me/dependants/{id}/declarations/latest", dependant.id()).with(citizen(holder)),
          get("/api/me/dependants/{id}/declarations", dependant.id()).with(citizen(holder))
        }) {
      mvc.perform(request)
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.code").value(code))
          .andExpect(jsonPath("$.messageZh").isNotEmpty())
          .andExpect(jsonPath("$.messageEn").isNotEmpty());
    }
    // the form page refuses too, before anything of the dependant is shown
    mvc.perform(
            get("/me/dependants/{id}/declaration", dependant.id())
                .with(citizen(holder))
                .param("lang", "en"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containing(code)))
        .andExpect(content().string(org.hamcrest.Matchers.not(containing("declaration-form"))));
  }

  private ResultActions declareFor(Registered holder, Registered dependant, String body)
      throws Exception {
    return mvc.perform(
        post("/api/me/dependants/{id}/declarations", dependant.id())
            .with(citizen(holder))
            .with(HealthCodeFixtures.xsrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String declaration(
      String symptoms, String temperature, String visits, String arriving) {
    return ("{\"symptoms\":%s,\"temperature\":%s,\"regionVisits\":%s,\"contactWithCases\":false,"
            + "\"arrivingFromOtherRegion\":%s}")
        .formatted(symptoms, temperature, visits, arriving);
  }

  private static String healthy() {
    return declaration("[\"NONE\"]", "36.5", "[]", "false");
  }

  /** Same household: approved at once. The new binding's id. */
  private UUID bind(Registered holder, Registered dependant) throws Exception {
    JsonNode bound =
        read(
            mvc.perform(
                    post("/api/me/dependants")
                        .with(citizen(holder))
                        .with(HealthCodeFixtures.xsrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of(
                                    "documentType", dependant.type().name(),
                                    "documentNumber", dependant.number(),
                                    "name", dependant.name(),
                                    "relationship", "CHILD"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("APPROVED")));
    return UUID.fromString(bound.get("bindingId").asString());
  }

  /** Another household, with an uploaded household-register page: pending. */
  private UUID bindWithPage(Registered holder, Registered dependant) throws Exception {
    JsonNode pending =
        read(
            mvc.perform(
                    multipart("/api/me/dependants")
                        .file(
                            new MockMultipartFile(
                                "evidence", "household.png", "image/png", DependantsApiIT.PNG))
                        .param("documentType", dependant.type().name())
                        .param("documentNumber", dependant.number())
                        .param("name", dependant.name())
                        .param("relationship", "OTHER_WARD")
                        .with(citizen(holder))
                        .with(HealthCodeFixtures.xsrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING")));
    return UUID.fromString(pending.get("bindingId").asString());
  }

  private JsonNode scan(String payload, RequestPostProcessor scanner) throws Exception {
    return read(
        mvc.perform(
                post("/api/scan")
                    .with(scanner)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("payload", payload))))
            .andExpect(status().isOk()));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private long declarationsOf(UUID personId) {
    return jdbc.sql("SELECT count(*) FROM health_declaration WHERE person_id = ?")
        .param(personId)
        .query(Long.class)
        .single();
  }

  private boolean declarationStateKnown(UUID personId) {
    return jdbc.sql(
                "SELECT count(*) FROM declaration_state WHERE person_id = ? AND declared_at IS NOT"
                    + " NULL")
            .param(personId)
            .query(Long.class)
            .single()
        == 1;
  }

  /** "actor reason" of the audit entries of the action, subject = dependant, detail = holder. */
  private List<String> audits(String action, UUID dependant, UUID holder) {
    return jdbc.sql(
            "SELECT actor || ' ' || reason FROM audit_event WHERE action = ? AND subject = ?"
                + " AND detail = ? ORDER BY id")
        .param(action)
        .param(dependant)
        .param(holder.toString())
        .query(String.class)
        .list();
  }

  private static org.hamcrest.Matcher<String> containing(String text) {
    return org.hamcrest.Matchers.containsString(text);
  }

  private static RequestPostProcessor citizen(Registered person) {
    return DependantsApiIT.citizen(person);
  }

  private static RequestPostProcessor sentinel() {
    return httpBasic(TestStaffAccounts.SENTINEL, TestStaffAccounts.PASSWORD);
  }

  private static RequestPostProcessor reviewer() {
    return httpBasic(TestStaffAccounts.REVIEWER, TestStaffAccounts.PASSWORD);
  }
}
