package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.token.OfflineVerification;
import org.suishen.status.Colour;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HealthCodeIntegrationTest
class LiveCodeIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;
  @Autowired HealthCodeProperties properties;

  HealthCodeFixtures fixtures() {
    return new HealthCodeFixtures(jdbc, clock);
  }

  JsonNode code(UUID personId) throws Exception {
    String body =
        mvc.perform(get("/api/me/code").with(authentication(HealthCodeFixtures.citizen(personId))))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  @Test
  void aRegisteredCitizenGetsAFreshSignedCodeThatTheOfflineVerifiersCanCheck() throws Exception {
    var person = fixtures().person();
    JsonNode code = code(person.id());

    assertThat(code.get("token").asString()).startsWith("SSC:").hasSizeLessThan(200);
    assertThat(code.get("codeType").asString()).isEqualTo("LIVE");
    assertThat(code.get("colour").asString()).isEqualTo("GREEN");
    assertThat(code.get("maskedName").asString()).isEqualTo("王*明");
    assertThat(code.get("expiresInSeconds").asLong()).isEqualTo(60);
    assertThat(code.get("refreshAfterSeconds").asLong()).isEqualTo(30);
    assertThat(code.get("clockSkewSeconds").asLong()).isEqualTo(30);
    assertThat(
            java.time.Duration.between(
                java.time.Instant.parse(code.get("issuedAt").asString()),
                java.time.Instant.parse(code.get("expiresAt").asString())))
        .isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(code.get("photoUrl").asString()).isEqualTo("/api/me/photo");
    assertThat(code.get("redeclareNotice").asBoolean()).isFalse();

    JsonNode keys =
        json.readTree(
            mvc.perform(get("/api/keys"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    Map<Integer, byte[]> published = new HashMap<>();
    keys.get("keys")
        .forEach(
            k ->
                published.put(
                    k.get("kid").asInt(), Base64.getUrlDecoder().decode(k.get("x").asString())));
    var payload = OfflineVerification.verify(code.get("token").asString(), published);
    assertThat(payload).isNotNull();
    assertThat(payload.colour()).isEqualTo(Colour.GREEN);
    assertThat(payload.type()).isEqualTo(CodeType.LIVE);
  }

  @Test
  void everyRequestSignsANewTokenButTheReferenceStaysTheSameAndRevealsNoIdentity()
      throws Exception {
    var person = fixtures().person();
    String first = code(person.id()).get("token").asString();
    String second = code(person.id()).get("token").asString();
    String ref =
        jdbc.sql(
                "SELECT person_ref::text FROM code_subject WHERE person_id = ? AND revoked_at IS NULL")
            .param(person.id())
            .query(String.class)
            .single();

    assertThat(ref).isNotEqualTo(person.id().toString());
    assertThat(first).doesNotContain(person.documentNumber());
    assertThat(org.suishen.healthcode.internal.token.TokenCodec.read(first).payload().personRef())
        .isEqualTo(
            org.suishen.healthcode.internal.token.TokenCodec.read(second).payload().personRef())
        .hasToString(ref);
  }

  @Test
  void theCodeShowsTheCurrentColourAndTheRedeclareNotice() throws Exception {
    var person = fixtures().person();
    fixtures().colour(person.id(), Colour.YELLOW, true);
    JsonNode code = code(person.id());
    assertThat(code.get("colour").asString()).isEqualTo("YELLOW");
    assertThat(code.get("redeclareNotice").asBoolean()).isTrue();
  }

  @Autowired org.suishen.identity.NameCorrections nameCorrections;

  @Test
  void aCorrectedNameReachesWhatScannersSeeWithoutANewCode() throws Exception {
    var person = fixtures().person("王明", null);
    code(person.id());
    nameCorrections.correct(
        person.id(), "汪明", org.suishen.shared.security.Actor.staff("reviewer"), "test");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT masked_name FROM code_subject WHERE person_id = ?")
                            .param(person.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("汪*"));
  }

  @Test
  void aCitizenWithoutRealNameRegistrationGetsNoCode() throws Exception {
    mvc.perform(get("/api/me/code").with(authentication(HealthCodeFixtures.citizen(null))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("healthcode.not-registered"))
        .andExpect(
            jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("registration")));
  }

  @Test
  void aPersonWhoHasNotDeclaredGetsNoCodeAndIsToldToDeclare() throws Exception {
    var person = fixtures().undeclaredPerson("王小明", null);
    mvc.perform(get("/api/me/code").with(authentication(HealthCodeFixtures.citizen(person.id()))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("healthcode.declaration-required"))
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("健康信息登记")));
    // the page leads to the step that gets a code, and says why
    mvc.perform(get("/me/code").with(authentication(HealthCodeFixtures.citizen(person.id()))))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/me/declaration?first"));
    mvc.perform(
            get("/me/declaration")
                .param("first", "")
                .with(authentication(HealthCodeFixtures.citizen(person.id()))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"declare-first\"")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("才能领取随申码")));
    mvc.perform(get("/me/code").with(authentication(HealthCodeFixtures.citizen(null))))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/me/register"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM code_subject WHERE person_id = ?")
                .param(person.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anAccountWhosePersonIsNotInTheRegisterGetsAClearRefusal() throws Exception {
    mvc.perform(
            get("/api/me/code").with(authentication(HealthCodeFixtures.citizen(UUID.randomUUID()))))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("healthcode.person-unknown"));
  }

  @Test
  void withoutLoginThereIsNoCode() throws Exception {
    mvc.perform(get("/api/me/code"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
  }

  @Test
  void thePngAndSvgImagesCarryAValidToken() throws Exception {
    var person = fixtures().person();
    var png =
        mvc.perform(
                get("/api/me/code.png?size=300")
                    .with(authentication(HealthCodeFixtures.citizen(person.id()))))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/png"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    var image = ImageIO.read(new ByteArrayInputStream(png));
    // a generated image is a pure barcode: tell the reader so (its finder-pattern estimate on a
    // perfect image occasionally mis-samples a module, failing the checksum)
    String decoded =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
            .getText();
    assertThat(decoded).startsWith("SSC:");
    assertThat(org.suishen.healthcode.internal.token.TokenCodec.read(decoded).payload().type())
        .isEqualTo(CodeType.LIVE);

    mvc.perform(
            get("/api/me/code.svg").with(authentication(HealthCodeFixtures.citizen(person.id()))))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/svg+xml"))
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("<svg")));
  }

  @Test
  void thePhotoComesFromThePhotoLibraryOrIsAPlaceholder() throws Exception {
    Path directory = Path.of(properties.photoDirectory());
    Files.createDirectories(directory);
    String file = "test-" + UUID.randomUUID() + ".png";
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    Files.write(directory.resolve(file), bytes);
    var withPhoto = fixtures().person("李四", file);
    var without = fixtures().person("张三", null);
    String outside = "outside-" + file;
    Files.write(directory.toAbsolutePath().getParent().resolve(outside), bytes);
    var escaping = fixtures().person("赵五", "../" + outside);

    mvc.perform(
            get("/api/me/photo").with(authentication(HealthCodeFixtures.citizen(withPhoto.id()))))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/png"))
        .andExpect(content().bytes(bytes));
    mvc.perform(get("/api/me/photo").with(authentication(HealthCodeFixtures.citizen(without.id()))))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/svg+xml"));
    mvc.perform(
            get("/api/me/photo").with(authentication(HealthCodeFixtures.citizen(escaping.id()))))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/svg+xml"));
    // the code says whether there is a photo to compare with: else the page sends to the ID card
    for (var person : new HealthCodeFixtures.Person[] {withPhoto, without, escaping}) {
      mvc.perform(get("/api/me/code").with(authentication(HealthCodeFixtures.citizen(person.id()))))
          .andExpect(status().isOk())
          .andExpect(
              org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                      "$.photoOnFile")
                  .value(person == withPhoto));
    }
    Files.delete(directory.resolve(file));
    Files.delete(directory.toAbsolutePath().getParent().resolve(outside));
  }

  @Test
  void theApiIsDocumentedInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/me/code'].get").exists())
        .andExpect(jsonPath("$.paths['/api/scan'].post").exists())
        .andExpect(jsonPath("$.paths['/api/keys'].get").exists());
  }

  @Test
  void theCodeCarriesAWatermarkThatAnAuditorCanTraceBackToThePerson() throws Exception {
    var person = fixtures().person();
    String watermark = code(person.id()).get("watermark").asString();
    assertThat(watermark)
        .matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4} · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    String trace = watermark.substring(0, 14);
    // the same reference is in every code of the person: the trace stays, the time moves
    assertThat(code(person.id()).get("watermark").asString()).startsWith(trace);
    String auditor = "auditor-" + UUID.randomUUID();

    mvc.perform(
            get("/api/audit/watermarks/{trace}", trace.toLowerCase().replace('-', ' '))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(auditor)
                        .roles("AUDITOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].personId").value(person.id().toString()))
        .andExpect(jsonPath("$[0].maskedName").value("王*明"))
        .andExpect(jsonPath("$[0].maskedDocument").value(person.maskedDocument()));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE actor = ?"
                        + " AND action = 'healthcode.watermark.traced' AND subject = ?")
                .param("staff:" + auditor)
                .param(person.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aWatermarkLookupNeedsAnAuditorAndATrace() throws Exception {
    var auditor =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("auditor-" + UUID.randomUUID())
            .roles("AUDITOR");
    mvc.perform(get("/api/audit/watermarks/{trace}", "not a trace").with(auditor))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("healthcode.watermark.invalid"));
    // all zeros: no random reference starts with 60 zero bits in practice
    mvc.perform(get("/api/audit/watermarks/{trace}", "0000-0000-0000").with(auditor))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("healthcode.watermark.unknown"));
    mvc.perform(
            get("/api/audit/watermarks/{trace}", "0000-0000-0000")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("venue-x")
                        .roles("VENUE_STAFF")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/audit/watermarks/{trace}", "0000-0000-0000"))
        .andExpect(status().isUnauthorized());
  }
}
