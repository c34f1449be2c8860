package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.support.IntegrationTest;
import org.suishen.support.ReviewerAccounts;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DependantsApiIT {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;
  @Autowired Dependants dependants;
  @Autowired ApplicationEvents events;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  // ---- same household: approved at once (R2, household-register e-certificate) ----

  @Test
  void aChildOfTheSameHouseholdIsBoundAtOnce() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("李红梅", 34, household);
    var child = register.resident("李小宝", 5, household);

    bindJson(mother, child)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.state").value("APPROVED"))
        .andExpect(jsonPath("$.evidence").value("HOUSEHOLD_REGISTER"))
        .andExpect(jsonPath("$.kind").value("MINOR"))
        .andExpect(jsonPath("$.relationship").value("CHILD"))
        .andExpect(jsonPath("$.name").value("李*宝"))
        .andExpect(jsonPath("$.documentNumber").value(Masking.documentNumber(child.number())))
        .andExpect(jsonPath("$.age").value(5))
        .andExpect(jsonPath("$.dependantId").value(child.id().toString()))
        .andExpect(jsonPath("$.approvedAt").isNotEmpty());

    assertThat(dependants.isBound(mother.id(), child.id())).isTrue();
    assertThat(dependants.isBound(child.id(), mother.id())).isFalse();
    assertThat(dependants.of(mother.id()))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.dependant()).isEqualTo(child.id());
              assertThat(b.bound()).isTrue();
            });
    assertThat(events.stream(DependantBound.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.holder()).isEqualTo(mother.id());
              assertThat(e.dependant()).isEqualTo(child.id());
            });

    mvc.perform(get("/api/me/dependants").with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].name").value("李*宝"))
        .andExpect(jsonPath("$[0].state").value("APPROVED"))
        .andExpect(content().string(not(org.hamcrest.Matchers.containsString("李小宝"))))
        .andExpect(content().string(not(org.hamcrest.Matchers.containsString(child.number()))));
  }

  @Test
  void everyProxyActionIsAuditedWithBothPeople() throws Exception {
    String household = RegisterFixtures.household();
    var father = register.resident("陈建国", 40, household);
    var child = register.resident("陈小龙", 8, household);

    bindJson(father, child).andExpect(status().isCreated());
    mvc.perform(get("/api/me/dependants").with(citizen(father))).andExpect(status().isOk());
    mvc.perform(get("/api/me/dependants/" + child.id()).with(citizen(father)))
        .andExpect(status().isOk());
    mvc.perform(
            delete("/api/me/dependants/" + child.id())
                .with(citizen(father))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());

    var entries = audit(child.id());
    assertThat(entries)
        .extracting(e -> e.get("action"))
        .containsExactly(
            "dependants.binding.approved",
            "dependants.dependant.viewed",
            "dependants.dependant.viewed",
            "dependants.binding.removed");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.get("detail")).isEqualTo(father.id().toString());
              assertThat(e.get("actor")).isEqualTo("citizen:" + accountOf(father));
            });
  }

  @Test
  void severalFamilyMembersMayBindTheSameDependant() throws Exception {
    String household = RegisterFixtures.household();
    var grandmother = register.resident("周秀英", 82, household);
    var son = register.resident("周国强", 55, household);
    var daughter = register.resident("周国华", 50, household);

    bindJson(son, grandmother).andExpect(jsonPath("$.kind").value("ELDERLY"));
    bindJson(daughter, grandmother).andExpect(jsonPath("$.state").value("APPROVED"));

    assertThat(dependants.isBound(son.id(), grandmother.id())).isTrue();
    assertThat(dependants.isBound(daughter.id(), grandmother.id())).isTrue();
  }

  @Test
  void aForeignChildWithAPassportIsBoundByTheBirthDateInTheRegister() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.passport("Anna Schmidt", register.today().minusYears(36), household);
    var child = register.passport("Lena Schmidt", register.today().minusYears(7), household);

    mvc.perform(
            post("/api/me/dependants")
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "documentType", "FOREIGN_PASSPORT",
                            "documentNumber", child.number(),
                            "name", "lena SCHMIDT",
                            "relationship", "CHILD"))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("MINOR"))
        .andExpect(jsonPath("$.name").value("L*** S***"));
  }

  @Test
  void aMinorOfAnotherProvinceMayBeBound() throws Exception {
    var uncle = register.resident("赵伟", 45, RegisterFixtures.household());
    var nephew = register.resident("440106", "赵小军", register.today().minusYears(12), null);

    bindMultipart(uncle, nephew, png())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.state").value("PENDING"))
        .andExpect(jsonPath("$.kind").value("MINOR"));
  }

  // ---- other household: an uploaded page, a reviewer decides ----

  @Test
  void anotherHouseholdNeedsEvidenceAndIsApprovedByAReviewer() throws Exception {
    var grandson = register.resident("吴磊", 30, RegisterFixtures.household());
    var grandfather = register.resident("吴德明", 71, RegisterFixtures.household());

    String id =
        bindingId(
            bindMultipart(grandson, grandfather, png(), "GRANDPARENT")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.relationship").value("GRANDPARENT"))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.evidence").value("UPLOADED_PAGE")));
    assertThat(dependants.isBound(grandson.id(), grandfather.id())).isFalse();
    assertThatThrownBy(() -> dependants.requireBinding(grandson.id(), grandfather.id()))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> {
              assertThat(e.code()).isEqualTo("dependants.not-bound");
              assertThat(e.status().value()).isEqualTo(403);
            });
    assertThat(events.stream(DependantBound.class)).isEmpty();

    mvc.perform(get("/api/review/dependants").with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", hasItem(id)))
        .andExpect(jsonPath("$.pending").isNumber());
    mvc.perform(get("/api/review/dependants/" + id).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holder.maskedName").value("吴*"))
        .andExpect(jsonPath("$.dependant.maskedName").value("吴*明"))
        .andExpect(jsonPath("$.dependant.age").value(71))
        .andExpect(jsonPath("$.relationship").value("GRANDPARENT"))
        .andExpect(jsonPath("$.evidenceMediaType").value("image/png"));
    mvc.perform(get("/api/review/dependants/" + id + "/evidence").with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(content().bytes(png().getBytes()));

    decide(id, "APPROVED", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("APPROVED"))
        .andExpect(jsonPath("$.approvedAt").isNotEmpty());

    assertThat(dependants.isBound(grandson.id(), grandfather.id())).isTrue();
    dependants.requireBinding(grandson.id(), grandfather.id());
    assertThat(events.stream(DependantBound.class)).hasSize(1);
    assertThat(audit(grandfather.id()))
        .extracting(e -> e.get("action") + " " + e.get("actor") + " " + e.get("detail"))
        .containsExactly(
            "dependants.binding.requested citizen:" + accountOf(grandson) + " " + grandson.id(),
            "dependants.binding.read staff:reviewer " + grandson.id(),
            "dependants.evidence.read staff:reviewer " + grandson.id(),
            "dependants.binding.approved staff:reviewer " + grandson.id());

    decide(id, "REJECTED", "too late")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("dependants.not-pending"));
  }

  @Test
  void aReviewerRejectsWithAReasonThatTheHolderSees() throws Exception {
    var niece = register.resident("孙丽", 28, RegisterFixtures.household());
    var aunt = register.resident("孙桂兰", 66, RegisterFixtures.household());
    String id = bindingId(bindMultipart(niece, aunt, png()).andExpect(status().isCreated()));

    decide(id, "REJECTED", "   ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.reason-required"));
    decide(id, "MAYBE", "x")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.decision-invalid"));
    decide(id, "REJECTED", "x".repeat(501))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.reason-too-long"));
    assertThat(state(id)).isEqualTo("PENDING");

    decide(id, "REJECTED", "户口本页看不清，请重新上传")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REJECTED"));

    assertThat(dependants.isBound(niece.id(), aunt.id())).isFalse();
    assertThat(dependants.of(niece.id())).isEmpty();
    mvc.perform(get("/api/me/dependants").with(citizen(niece)))
        .andExpect(jsonPath("$[0].state").value("REJECTED"))
        .andExpect(jsonPath("$[0].reason").value("户口本页看不清，请重新上传"));
    assertThat(audit(aunt.id()))
        .extracting(e -> e.get("action"))
        .contains("dependants.binding.rejected");

    // the holder may apply again
    String again =
        bindingId(
            bindMultipart(niece, aunt, png())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PENDING")));
    bindMultipart(niece, aunt, png())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("dependants.already-pending"));

    // one id for the aunt: the current (pending) application wins over the earlier rejection, in
    // the list (one entry), when read and when withdrawn
    mvc.perform(get("/api/me/dependants").with(citizen(niece)))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].dependantId").value(aunt.id().toString()))
        .andExpect(jsonPath("$[0].bindingId").value(again))
        .andExpect(jsonPath("$[0].state").value("PENDING"));
    mvc.perform(get("/api/me/dependants/" + aunt.id()).with(citizen(niece)))
        .andExpect(jsonPath("$.bindingId").value(again))
        .andExpect(jsonPath("$.state").value("PENDING"));
    mvc.perform(
            delete("/api/me/dependants/" + aunt.id())
                .with(citizen(niece))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());
    assertThat(state(again)).isEqualTo("REMOVED");
    assertThat(state(id)).isEqualTo("REJECTED");
  }

  @Test
  void evidenceIsCheckedAndABadUploadWritesNothing() throws Exception {
    var holder = register.resident("郑明", 40, RegisterFixtures.household());
    var elder = register.resident("郑老太", 88, RegisterFixtures.household());

    bindMultipart(holder, elder, null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.evidence-required"));
    bindJson(holder, elder)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.evidence-required"));
    bindMultipart(
            holder,
            elder,
            new MockMultipartFile(
                "evidence",
                "page.jpg",
                "image/jpeg",
                "<html>not an image</html>".getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.evidence-type"))
        .andExpect(jsonPath("$.messageZh").value("请上传JPG、PNG图片或PDF文件。"))
        .andExpect(
            jsonPath("$.messageEn").value("Please upload a JPG or PNG image or a PDF file."));
    byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
    bindMultipart(holder, elder, new MockMultipartFile("evidence", "page.png", "image/png", big))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.evidence-too-large"))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("5 MB")));

    assertThat(bindingsOf(holder)).isZero();
    assertThat(audit(elder.id())).isEmpty();

    byte[] pdf = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    bindMultipart(holder, elder, new MockMultipartFile("evidence", "x.bin", "text/plain", pdf))
        .andExpect(status().isCreated());
  }

  // ---- refusals: nothing written ----

  @Test
  void aNameThatDoesNotMatchTheRegisterIsRefused() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("钱芳", 35, household);
    var child = register.resident("钱多多", 6, household);

    bind(mother, "RESIDENT_ID", child.number(), "钱朵朵")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.identity-mismatch"));
    String unknown = "310104201801010" + "12";
    unknown = unknown.substring(0, 17) + RegisterFixtures.checkCharacter(unknown.substring(0, 17));
    bind(mother, "RESIDENT_ID", unknown, "钱多多")
        .andExpect(jsonPath("$.code").value("dependants.identity-mismatch"));
    assertThat(bindingsOf(mother)).isZero();

    // the register's name compared normalised: spaces and full-width forms do not matter
    bind(mother, "resident_id", " " + child.number().toLowerCase() + " ", "钱 多多")
        .andExpect(status().isCreated());
  }

  @Test
  void badInputIsRefusedWithStableCodes() throws Exception {
    var holder = register.resident("冯强", 40, RegisterFixtures.household());
    bind(holder, "DRIVING_LICENCE", "123", "某人")
        .andExpect(jsonPath("$.code").value("dependants.document-type"));
    bind(holder, "RESIDENT_ID", "", "某人")
        .andExpect(jsonPath("$.code").value("dependants.document-number-required"));
    bind(holder, "RESIDENT_ID", "310104201801010000", "")
        .andExpect(jsonPath("$.code").value("dependants.name-required"));
    bind(holder, "RESIDENT_ID", "310104201801010000", "某人")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.startsWith("identity.document")));
    mvc.perform(
            post("/api/me/dependants")
                .with(citizen(holder))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest());
    assertThat(bindingsOf(holder)).isZero();
  }

  @Test
  void anAdultOf30IsNotEligible() throws Exception {
    String household = RegisterFixtures.household();
    var sister = register.resident("何静", 33, household);
    var brother = register.resident("何勇", 30, household);

    bindJson(sister, brother)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.not-eligible"))
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("18")))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("60")));
    assertThat(bindingsOf(sister)).isZero();
    assertThat(audit(brother.id())).isEmpty();
  }

  @Test
  void anAdultFlaggedAsUnableToApplyAloneMayBeBound() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("许梅", 58, household);
    var son =
        register.insert(
            org.suishen.identity.DocumentType.FOREIGN_PASSPORT,
            "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '0'),
            "许亮",
            register.today().minusYears(30),
            household,
            true);
    bind(mother, "FOREIGN_PASSPORT", son.number(), son.name())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("SPECIAL_GROUP"));
  }

  @Test
  void nobodyMayBindThemselves() throws Exception {
    var elder = register.resident("林国栋", 75, RegisterFixtures.household());
    bindJson(elder, elder)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.self"));
    assertThat(bindingsOf(elder)).isZero();
  }

  @Test
  void aBindingIsMadeOnlyOnceAndUpToTheLimit() throws Exception {
    String household = RegisterFixtures.household();
    var parent = register.resident("罗大伟", 45, household);
    var first = register.resident("罗一", 3, household);
    bindJson(parent, first).andExpect(status().isCreated());
    bindJson(parent, first)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("dependants.already-bound"));
    for (int i = 2; i <= 10; i++) {
      bindJson(parent, register.resident("罗" + i, i, household)).andExpect(status().isCreated());
    }
    bindJson(parent, register.resident("罗十一", 11, household))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("dependants.limit"))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("10")));
    assertThat(bindingsOf(parent)).isEqualTo(10);
  }

  @Test
  void aCitizenWithoutRealNameRegistrationCannotBind() throws Exception {
    var child = register.resident("马小跳", 9, RegisterFixtures.household());
    var anonymous = new CitizenPrincipal(UUID.randomUUID(), "13900000000", null);
    mvc.perform(
            post("/api/me/dependants")
                .with(authentication(token(anonymous)))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("RESIDENT_ID", child.number(), child.name())))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("dependants.holder-unregistered"));
  }

  // ---- removal ----

  @Test
  void theHolderRemovesABindingAndMayBindAgain() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("黄丽", 38, household);
    var father = register.resident("黄军", 39, household);
    var child = register.resident("黄小丫", 4, household);
    var stranger = register.resident("黄某", 40, RegisterFixtures.household());
    String id = bindingId(bindJson(mother, child));
    bindJson(father, child).andExpect(status().isCreated());

    // the dependant's id names the caller's own binding of them, never another holder's
    mvc.perform(
            delete("/api/me/dependants/" + child.id())
                .with(citizen(stranger))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("dependants.binding-not-found"));
    mvc.perform(
            delete("/api/me/dependants/" + child.id())
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());

    assertThat(dependants.isBound(mother.id(), child.id())).isFalse();
    assertThat(dependants.isBound(father.id(), child.id())).isTrue();
    assertThat(events.stream(DependantUnbound.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.bindingId().toString()).isEqualTo(id);
              assertThat(e.byReviewer()).isFalse();
            });
    mvc.perform(
            delete("/api/me/dependants/" + child.id())
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("dependants.not-active"));
    mvc.perform(get("/api/me/dependants/" + child.id()).with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REMOVED"))
        .andExpect(jsonPath("$.removalCause").value("HOLDER"));
    mvc.perform(
            delete("/api/me/dependants/" + UUID.randomUUID())
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNotFound());

    bindJson(mother, child).andExpect(status().isCreated());
    assertThat(dependants.isBound(mother.id(), child.id())).isTrue();
  }

  @Test
  void aDependantIsAddressedByTheirPersonIdAndNoLongerByTheBindingId() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("蒋敏", 33, household);
    var child = register.resident("蒋小溪", 3, household);
    var created =
        bindJson(mother, child)
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/me/dependants/" + child.id()))
            .andExpect(jsonPath("$.dependantId").value(child.id().toString()))
            .andExpect(jsonPath("$.id").doesNotExist());
    String bindingId = bindingId(created);
    mvc.perform(get("/api/me/dependants").with(citizen(mother)))
        .andExpect(jsonPath("$[0].dependantId").value(child.id().toString()))
        .andExpect(jsonPath("$[0].bindingId").value(bindingId))
        .andExpect(jsonPath("$[0].id").doesNotExist());

    // the binding id routes are gone: a binding id in the dependant's place names nobody
    mvc.perform(get("/api/me/dependants/" + bindingId).with(citizen(mother)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("dependants.binding-not-found"));
    mvc.perform(
            delete("/api/me/dependants/" + bindingId)
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("dependants.binding-not-found"));
    assertThat(state(bindingId)).isEqualTo("APPROVED");
    assertThat(dependants.isBound(mother.id(), child.id())).isTrue();
  }

  @Test
  void aHolderWithdrawsAPendingApplicationWithoutAnUnboundEvent() throws Exception {
    var holder = register.resident("唐宁", 31, RegisterFixtures.household());
    var elder = register.resident("唐老伯", 77, RegisterFixtures.household());
    String id = bindingId(bindMultipart(holder, elder, png()));
    mvc.perform(
            delete("/api/me/dependants/" + elder.id())
                .with(citizen(holder))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());
    assertThat(events.stream(DependantUnbound.class)).isEmpty();
    mvc.perform(get("/api/review/dependants").with(reviewer()))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
  }

  @Test
  void aReviewerRemovesABindingWithAReason() throws Exception {
    String household = RegisterFixtures.household();
    var holder = register.resident("韩梅", 36, household);
    var child = register.resident("韩小雪", 10, household);
    String id = bindingId(bindJson(holder, child));

    mvc.perform(
            post("/api/review/dependants/" + id + "/removal")
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.reason-required"));
    mvc.perform(
            post("/api/review/dependants/" + id + "/removal")
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"监护关系已变更\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REMOVED"))
        .andExpect(jsonPath("$.reason").value("监护关系已变更"));

    assertThat(dependants.isBound(holder.id(), child.id())).isFalse();
    assertThat(events.stream(DependantUnbound.class))
        .singleElement()
        .satisfies(e -> assertThat(e.byReviewer()).isTrue());
    assertThat(audit(child.id()))
        .extracting(e -> e.get("action") + " " + e.get("actor"))
        .contains("dependants.binding.removed staff:reviewer");
    mvc.perform(get("/api/review/dependants/" + id + "/evidence").with(reviewer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("dependants.evidence-not-found"));
  }

  // ---- the relationship: who the dependant is to the holder (issue 11) ----

  @Test
  void theStatedRelationshipIsStoredAndShownBackSoThatTwoDependantsAreToldApart() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("秦雪", 36, household);
    var son = register.resident("秦小虎", 6, household);
    var grandfather = register.resident("秦老根", 83, household);

    bindAs(mother, son, "CHILD")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.relationship").value("CHILD"));
    // the value is read like the document type: case and surrounding spaces do not matter
    bindAs(mother, grandfather, " parent ")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.relationship").value("PARENT"));

    assertThat(relationshipOf(mother, son)).isEqualTo("CHILD");
    assertThat(relationshipOf(mother, grandfather)).isEqualTo("PARENT");
    mvc.perform(get("/api/me/dependants").with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].dependantId").value(son.id().toString()))
        .andExpect(jsonPath("$[0].relationship").value("CHILD"))
        .andExpect(jsonPath("$[1].dependantId").value(grandfather.id().toString()))
        .andExpect(jsonPath("$[1].relationship").value("PARENT"));
    mvc.perform(get("/api/me/dependants/" + grandfather.id()).with(citizen(mother)))
        .andExpect(jsonPath("$.relationship").value("PARENT"));
    assertThat(dependants.of(mother.id()))
        .extracting(Binding::relationship)
        .containsExactly(Relationship.CHILD, Relationship.PARENT);
  }

  @Test
  void aMissingOrUnknownRelationshipIsRefusedWithItsCodeAndNothingIsStored() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("袁芳", 35, household);
    var child = register.resident("袁小米", 4, household);
    var elder = register.resident("袁奶奶", 81, RegisterFixtures.household());

    var missing = new java.util.HashMap<String, String>();
    missing.put("documentType", "RESIDENT_ID");
    missing.put("documentNumber", child.number());
    missing.put("name", child.name());
    refusedForRelationship(postJson(mother, json.writeValueAsString(missing)));
    missing.put("relationship", null);
    refusedForRelationship(postJson(mother, json.writeValueAsString(missing)));
    for (String wrong : List.of("", "  ", "COUSIN", "子女", "child;drop")) {
      refusedForRelationship(bindAs(mother, child, wrong));
    }
    refusedForRelationship(bindMultipart(mother, elder, png(), null));
    refusedForRelationship(bindMultipart(mother, elder, png(), "NEIGHBOUR"));

    assertThat(bindingsOf(mother)).isZero();
    assertThat(audit(child.id())).isEmpty();
    assertThat(audit(elder.id())).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM dependant_binding_failure WHERE holder_id = ?")
                .param(mother.id())
                .query(Long.class)
                .single())
        .as("bad input, not a failed attempt")
        .isZero();
  }

  @Test
  void bindingsMadeBeforeTheRelationshipWasAskedStillListWithoutOne() throws Exception {
    String household = RegisterFixtures.household();
    var father = register.resident("包建华", 44, household);
    var child = register.resident("包小溪", 8, household);
    var elder = register.resident("包老汉", 79, RegisterFixtures.household());
    bindJson(father, child).andExpect(status().isCreated());
    String pending = bindingId(bindMultipart(father, elder, png()));
    // as a row applied for before V24_5 is
    jdbc.sql("UPDATE dependant_binding SET relationship = NULL WHERE holder_id = ?")
        .param(father.id())
        .update();

    mvc.perform(get("/api/me/dependants").with(citizen(father)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].name").value("包*溪"))
        .andExpect(jsonPath("$[0].state").value("APPROVED"))
        .andExpect(jsonPath("$[0].relationship").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$[1].relationship").value(org.hamcrest.Matchers.nullValue()));
    mvc.perform(get("/api/review/dependants/" + pending).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.relationship").value(org.hamcrest.Matchers.nullValue()));
    assertThat(dependants.isBound(father.id(), child.id())).isTrue();
    decide(pending, "APPROVED", null).andExpect(status().isOk());
    assertThat(dependants.requireBinding(father.id(), elder.id()).relationship()).isNull();
  }

  private void refusedForRelationship(ResultActions result) throws Exception {
    result
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("dependants.relationship"))
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("子女")))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("child")));
  }

  private String relationshipOf(Registered holder, Registered dependant) {
    return jdbc.sql(
            "SELECT relationship FROM dependant_binding WHERE holder_id = ? AND dependant_id = ?")
        .param(holder.id())
        .param(dependant.id())
        .query(String.class)
        .single();
  }

  // ---- who may call what ----

  @Test
  void theApiNeedsTheRightRole() throws Exception {
    var someone = register.resident("曹操", 40, RegisterFixtures.household());
    mvc.perform(get("/api/me/dependants"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
    mvc.perform(get("/api/review/dependants")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/review/dependants").with(citizen(someone)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(get("/api/me/dependants").with(reviewer())).andExpect(status().isForbidden());
    mvc.perform(
            get("/api/review/dependants")
                .with(httpBasic(ReviewerAccounts.AUDITOR, ReviewerAccounts.PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/review/dependants").with(httpBasic(ReviewerAccounts.REVIEWER, "wrong")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/review/dependants/" + UUID.randomUUID()).with(reviewer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("dependants.binding-not-found"));
  }

  // ---- helpers ----

  private ResultActions bindJson(Registered holder, Registered dependant) throws Exception {
    return bind(holder, dependant.type().name(), dependant.number(), dependant.name());
  }

  /** Binds as the holder's child (what most tests need; the relationship is tested on its own). */
  private ResultActions bind(Registered holder, String type, String number, String name)
      throws Exception {
    return postJson(holder, body(type, number, name));
  }

  private ResultActions bindAs(Registered holder, Registered dependant, String relationship)
      throws Exception {
    return postJson(
        holder,
        json.writeValueAsString(
            Map.of(
                "documentType", dependant.type().name(),
                "documentNumber", dependant.number(),
                "name", dependant.name(),
                "relationship", relationship)));
  }

  private ResultActions postJson(Registered holder, String body) throws Exception {
    return mvc.perform(
        post("/api/me/dependants")
            .with(citizen(holder))
            .with(HealthCodeFixtures.xsrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  /** Another household, with a page: the dependants of these tests are the holder's wards. */
  private ResultActions bindMultipart(
      Registered holder, Registered dependant, MockMultipartFile evidence) throws Exception {
    return bindMultipart(holder, dependant, evidence, "OTHER_WARD");
  }

  private ResultActions bindMultipart(
      Registered holder, Registered dependant, MockMultipartFile evidence, String relationship)
      throws Exception {
    var request =
        multipart("/api/me/dependants")
            .param("documentType", dependant.type().name())
            .param("documentNumber", dependant.number())
            .param("name", dependant.name());
    if (relationship != null) {
      request.param("relationship", relationship);
    }
    if (evidence != null) {
      request.file(evidence);
    }
    return mvc.perform(request.with(citizen(holder)).with(HealthCodeFixtures.xsrf()));
  }

  private ResultActions decide(String id, String state, String reason) throws Exception {
    var body = new java.util.HashMap<String, String>();
    body.put("state", state);
    body.put("reason", reason);
    return mvc.perform(
        post("/api/review/dependants/" + id + "/decision")
            .with(reviewer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private String body(String type, String number, String name) {
    return json.writeValueAsString(
        Map.of(
            "documentType", type, "documentNumber", number, "name", name, "relationship", "CHILD"));
  }

  private String bindingId(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString())
        .get("bindingId")
        .asString();
  }

  static MockMultipartFile png() {
    return new MockMultipartFile("evidence", "household.png", "image/png", PNG);
  }

  private String state(String id) {
    return jdbc.sql("SELECT state FROM dependant_binding WHERE id = ?::uuid")
        .param(id)
        .query(String.class)
        .single();
  }

  private long bindingsOf(Registered holder) {
    return jdbc.sql(
            "SELECT count(*) FROM dependant_binding WHERE holder_id = ?"
                + " AND state IN ('PENDING', 'APPROVED')")
        .param(holder.id())
        .query(Long.class)
        .single();
  }

  private List<Map<String, Object>> audit(UUID subject) {
    return jdbc.sql("SELECT actor, action, detail FROM audit_event WHERE subject = ? ORDER BY id")
        .param(subject)
        .query()
        .listOfRows();
  }

  static UUID accountOf(Registered person) {
    return UUID.nameUUIDFromBytes(("account:" + person.id()).getBytes(StandardCharsets.UTF_8));
  }

  static RequestPostProcessor citizen(Registered person) {
    return authentication(
        token(new CitizenPrincipal(accountOf(person), "13800138000", person.id())));
  }

  static UsernamePasswordAuthenticationToken token(CitizenPrincipal principal) {
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
  }

  static RequestPostProcessor reviewer() {
    return httpBasic(ReviewerAccounts.REVIEWER, ReviewerAccounts.PASSWORD);
  }
}
