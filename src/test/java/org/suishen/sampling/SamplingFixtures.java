package org.suishen.sampling;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.sampling.internal.TubeBarcode;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sampling round through the API, for tests: a site with the test sampler and terminal, a lab
 * with the test lab staff, tubes, registrations, boxes and results.
 */
public final class SamplingFixtures {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 10_000_000_000L);

  private final MockMvc mvc;
  private final JsonMapper json;

  public SamplingFixtures(MockMvc mvc, JsonMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  public static RequestPostProcessor authority() {
    return httpBasic(TestStaffAccounts.AUTHORITY, TestStaffAccounts.PASSWORD);
  }

  public static RequestPostProcessor lab() {
    return httpBasic(TestStaffAccounts.LAB, TestStaffAccounts.PASSWORD);
  }

  public static String newBarcode() {
    return TubeBarcode.of(SERIAL.incrementAndGet()).value();
  }

  /** A new site in this community with the sampler and the terminal assigned to it. */
  public String site(String community) throws Exception {
    String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    postJson(
            "/api/sampling/sites",
            authority(),
            Map.of(
                "code", code,
                "name", "天平街道采样点",
                "address", "徐汇区天平路 123 号",
                "district", "徐汇区",
                "street", "天平路街道",
                "community", community))
        .andExpect(status().isCreated());
    for (String login : List.of(TestStaffAccounts.SAMPLER, TestStaffAccounts.SAMPLING_TERMINAL)) {
      postJson("/api/sampling/sites/" + code + "/assignments", authority(), Map.of("login", login))
          .andExpect(status().isOk());
    }
    return code;
  }

  /** A new lab with the test lab staff assigned to it. */
  public String lab(String name) throws Exception {
    String code = "LAB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    postJson("/api/sampling/labs", authority(), Map.of("code", code, "name", name))
        .andExpect(status().isCreated());
    postJson(
            "/api/sampling/labs/" + code + "/members",
            authority(),
            Map.of("login", TestStaffAccounts.LAB))
        .andExpect(status().isOk());
    return code;
  }

  public String openTube(int capacity) throws Exception {
    String barcode = newBarcode();
    postJson(
            "/api/sampling/tubes",
            NatFixtures.sampler(),
            Map.of("barcode", barcode, "capacity", capacity))
        .andExpect(status().isCreated());
    return barcode;
  }

  public ResultActions register(String tube, Map<String, Object> credential) throws Exception {
    var body = new HashMap<String, Object>(credential);
    body.putIfAbsent("idempotencyKey", "it-" + UUID.randomUUID());
    return postJson("/api/sampling/tubes/" + tube + "/registrations", NatFixtures.sampler(), body);
  }

  public static Map<String, Object> code(String token) {
    return Map.of("credentialKind", "CODE", "payload", token);
  }

  public static Map<String, Object> typed(Resident person) {
    return Map.of(
        "credentialKind",
        "TYPED_NUMBER",
        "documentType",
        "RESIDENT_ID",
        "documentNumber",
        person.documentNumber(),
        "name",
        person.name());
  }

  /** Registers an infant by hand, the parent identified by a typed number. */
  public ResultActions infant(String tube, Resident parent, String name, String birthDate)
      throws Exception {
    var body = new HashMap<String, Object>(typed(parent));
    body.put("idempotencyKey", "it-" + UUID.randomUUID());
    body.put("childName", name);
    body.put("childSex", "FEMALE");
    body.put("childBirthDate", birthDate);
    return postJson("/api/sampling/tubes/" + tube + "/infants", NatFixtures.sampler(), body);
  }

  public void seal(String tube) throws Exception {
    postJson("/api/sampling/tubes/" + tube + "/seal", NatFixtures.sampler(), Map.of())
        .andExpect(status().isOk());
  }

  /** Packs the sealed tubes, hands the box over and has the lab receive all of them. */
  public String deliver(List<String> tubes) throws Exception {
    String box = "B" + newBarcode();
    postJson(
            "/api/sampling/boxes",
            NatFixtures.sampler(),
            Map.of("barcode", box, "tubeBarcodes", tubes))
        .andExpect(status().isCreated());
    postJson(
            "/api/sampling/boxes/" + box + "/handover",
            NatFixtures.sampler(),
            Map.of("courier", "冷链 张师傅"))
        .andExpect(status().isOk());
    postJson("/api/lab/boxes/" + box + "/receipt", lab(), Map.of("tubeBarcodes", tubes))
        .andExpect(status().isOk());
    return box;
  }

  /** Reports results as JSON: barcode, result, barcode, result, ... */
  public ResultActions report(String... barcodeAndResult) throws Exception {
    var rows = new java.util.ArrayList<Map<String, String>>();
    for (int i = 0; i < barcodeAndResult.length; i += 2) {
      rows.add(Map.of("tubeBarcode", barcodeAndResult[i], "result", barcodeAndResult[i + 1]));
    }
    return postJson("/api/lab/results", lab(), Map.of("results", rows));
  }

  public ResultActions postJson(String path, RequestPostProcessor who, Object body)
      throws Exception {
    return mvc.perform(
        post(path)
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .param("lang", "en")
            .content(json.writeValueAsString(body)));
  }

  public JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }
}
