package org.suishen.venues;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Venues for tests: registered by the authority, with a rule, a sentinel and staff bound. */
public final class VenueFixtures {

  private final MockMvc mvc;
  private final JsonMapper json;

  public VenueFixtures(MockMvc mvc, JsonMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  public static RequestPostProcessor authority() {
    return httpBasic(TestStaffAccounts.AUTHORITY, TestStaffAccounts.PASSWORD);
  }

  public static RequestPostProcessor sentinel() {
    return httpBasic(TestStaffAccounts.SENTINEL, TestStaffAccounts.PASSWORD);
  }

  public static RequestPostProcessor secondSentinel() {
    return httpBasic(TestStaffAccounts.SECOND_SENTINEL, TestStaffAccounts.PASSWORD);
  }

  public static RequestPostProcessor venueStaff() {
    return httpBasic(TestStaffAccounts.VENUE_STAFF, TestStaffAccounts.PASSWORD);
  }

  /** A venue of the kind, managed by the test's venue staff, registered by the authority. */
  public JsonNode venue(String name, String kind) throws Exception {
    return read(
        postJson(
                "/api/venues",
                authority(),
                Map.of(
                    "name", name,
                    "address", "浦东新区陆家嘴西路 168 号",
                    "district", "浦东新区",
                    "street", "陆家嘴街道",
                    "community", "梅园居委会",
                    "kind", kind,
                    "manager", TestStaffAccounts.VENUE_STAFF))
            .andExpect(status().isCreated()));
  }

  /** Sets the venue's rule: the colours and the negative-test window (null: none). */
  public ResultActions rule(String venueId, List<String> colours, @Nullable Integer negativeHours)
      throws Exception {
    var body = new HashMap<String, Object>();
    body.put("admittedColours", colours);
    body.put("negativeWithinHours", negativeHours);
    body.put("maxTemperature", "37.3");
    body.put("offlineIdCard", "REFUSE");
    return mvc.perform(
        put("/api/venues/" + venueId + "/rule")
            .with(venueStaff())
            .contentType(MediaType.APPLICATION_JSON)
            .param("lang", "en")
            .content(json.writeValueAsString(body)));
  }

  /**
   * The mall most venue tests stand at: 正大广场, asking a green code and a negative within 48 h, with
   * the sentinel and the venue staff bound to it; its id.
   */
  public String mallAskingGreenAndA48HourNegative() throws Exception {
    String mall = venue("正大广场", "MALL").get("id").asString();
    rule(mall, List.of("GREEN"), 48).andExpect(status().isOk());
    bind(mall, org.suishen.support.TestStaffAccounts.SENTINEL);
    bind(mall, org.suishen.support.TestStaffAccounts.VENUE_STAFF);
    return mall;
  }

  public void bind(String venueId, String login) throws Exception {
    postJson("/api/venues/" + venueId + "/members", venueStaff(), Map.of("login", login))
        .andExpect(status().isOk());
  }

  /** The sentinel's decision on a token, with a fresh key. */
  public ResultActions present(RequestPostProcessor sentinel, String token) throws Exception {
    return postJson(
        "/api/sentinel/passages",
        sentinel,
        Map.of("token", token, "key", UUID.randomUUID().toString()));
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
