package org.suishen.natcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.identity.document.TestResidentIds;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People in the register, citizens and scanners for the NAT code tests, and the proxy code tests of
 * the proxycode context (a family member, a dependant, their codes).
 */
public final class NatFixtures {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MockMvc mvc;
  private final JsonMapper json;

  public NatFixtures(JdbcClient jdbc, Clock clock, MockMvc mvc, JsonMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.mvc = mvc;
    this.json = json;
  }

  /** A resident (valid resident ID) aged {@code years}, in the household (or none). */
  public Resident resident(String name, int years, @Nullable String household) {
    return resident(name, years, household, true);
  }

  /**
   * A resident as above; {@code declared}: has declared their health information (live and proxy
   * codes need it, H1).
   */
  public Resident resident(String name, int years, @Nullable String household, boolean declared) {
    var id = UUID.randomUUID();
    LocalDate born = LocalDate.now(clock).minusYears(years).minusDays(10);
    String number = TestResidentIds.bornOn(born);
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, household_id, district, registered_at, updated_at)"
                + " VALUES (?, 'RESIDENT_ID', ?, ?, ?, 'F', ?, ?, '310104', ?, ?)")
        .param(id)
        .param(number)
        .param(name)
        .param(name)
        .param(born)
        .param(household)
        .param(OffsetDateTime.now(clock))
        .param(OffsetDateTime.now(clock))
        .update();
    if (!declared) {
      return new Resident(id, number, name);
    }
    // declared their health information (a family member does it for a child): live and proxy codes
    // need it (H1)
    jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " VALUES (?, ?, ?, ARRAY[]::text[], 36.5, '[]'::jsonb, false, false)")
        .params(UUID.randomUUID(), id, OffsetDateTime.now(clock))
        .update();
    return new Resident(id, number, name);
  }

  public static String household() {
    return "H" + UUID.randomUUID();
  }

  public static RequestPostProcessor citizen(Resident person) {
    return authentication(HealthCodeFixtures.citizen(person.id()));
  }

  public static RequestPostProcessor sampler() {
    return httpBasic(TestStaffAccounts.SAMPLER, TestStaffAccounts.PASSWORD);
  }

  public static RequestPostProcessor samplingTerminal() {
    return httpBasic(TestStaffAccounts.SAMPLING_TERMINAL, TestStaffAccounts.PASSWORD);
  }

  public static RequestPostProcessor venueStaff() {
    return httpBasic(TestStaffAccounts.VENUE_STAFF, TestStaffAccounts.PASSWORD);
  }

  /**
   * The holder binds a dependant of the same household (approved at once) as their child (what the
   * relationship is does not matter to most tests).
   */
  public void bind(Resident holder, Resident dependant) throws Exception {
    bind(holder, dependant, "CHILD");
  }

  /** The holder binds a dependant of the same household, stating who the dependant is to them. */
  public void bind(Resident holder, Resident dependant, String relationship) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "documentType",
                "RESIDENT_ID",
                "documentNumber",
                dependant.documentNumber(),
                "name",
                dependant.name(),
                "relationship",
                relationship));
    JsonNode bound =
        read(
            mvc.perform(
                    post("/api/me/dependants")
                        .with(citizen(holder))
                        .with(HealthCodeFixtures.xsrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(bound.get("state").asString()).isEqualTo("APPROVED");
  }

  /** POST /api/me/natcode as the person: the new code's token. */
  public String generate(Resident person) throws Exception {
    return read(mvc.perform(
                post("/api/me/natcode").with(citizen(person)).with(HealthCodeFixtures.xsrf()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString())
        .get("token")
        .asString();
  }

  /** POST /api/me/dependants/{id}/natcode as the holder: the new code's token. */
  public String generateFor(Resident holder, Resident dependant) throws Exception {
    return read(mvc.perform(
                post("/api/me/dependants/{id}/natcode", dependant.id())
                    .with(citizen(holder))
                    .with(HealthCodeFixtures.xsrf()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString())
        .get("token")
        .asString();
  }

  /** GET /api/me/dependants/{id}/code as the holder: the proxy code's token. */
  public String proxyCode(Resident holder, Resident dependant) throws Exception {
    return read(mvc.perform(
                get("/api/me/dependants/{id}/code", dependant.id()).with(citizen(holder)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString())
        .get("token")
        .asString();
  }

  /** GET /api/me/code as the person: their own live code. */
  public String liveCode(Resident person) throws Exception {
    return read(mvc.perform(get("/api/me/code").with(citizen(person)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString())
        .get("token")
        .asString();
  }

  /** POST /api/scan by the scanner. */
  public JsonNode scan(String payload, RequestPostProcessor scanner) throws Exception {
    return read(
        mvc.perform(
                post("/api/scan")
                    .with(scanner)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("payload", payload))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  public String scanReason(String payload, RequestPostProcessor scanner) throws Exception {
    return scan(payload, scanner).get("reason").asString();
  }

  public JsonNode read(String body) {
    return json.readTree(body);
  }

  public long audits(String action, UUID subject, @Nullable UUID holder) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND subject = ?"
                + " AND detail IS NOT DISTINCT FROM ?")
        .param(action)
        .param(subject)
        .param(holder == null ? null : holder.toString())
        .query(Long.class)
        .single();
  }

  /** Renders the PDF's first page (PDFBox, 300 dpi) and reads its QR code with ZXing. */
  public static String qrOf(byte[] pdf) throws Exception {
    // as a scanner retries: other resolutions and binarizers before giving up (one rendering at
    // one resolution failed ZXing's checksum once in a full run)
    com.google.zxing.ReaderException last = null;
    try (var document = Loader.loadPDF(pdf)) {
      for (int dpi : new int[] {300, 200, 400}) {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
        var source = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page);
        for (var bitmap :
            List.of(
                new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(source)),
                new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
          try {
            return new com.google.zxing.qrcode.QRCodeReader()
                .decode(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
          } catch (com.google.zxing.ReaderException e) {
            last = e;
          }
        }
      }
    }
    throw new AssertionError("no QR code readable on the printed page", last);
  }

  /** A person in the register. */
  public record Resident(UUID id, String documentNumber, String name) {}
}
