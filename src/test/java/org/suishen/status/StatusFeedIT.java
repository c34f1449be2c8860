package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.citizen;
import static org.suishen.status.StatusTestSupport.officer;
import static org.suishen.status.StatusTestSupport.person;
import static org.suishen.status.StatusTestSupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.status.StatusTestSupport.TestPerson;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(StatusTestSupport.class)
class StatusFeedIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired HealthStatuses statuses;
  @Autowired ApplicationEvents events;
  @Autowired JsonMapper json;
  @Autowired Clock clock;

  Instant now;
  LocalDate today;

  @BeforeEach
  void times() {
    now = clock.instant();
    today = LocalDate.now(clock);
  }

  JsonNode feed(String kind, String csv, String officer) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/api/authority/feeds/" + kind)
                    .with(officer(officer))
                    .contentType("text/csv")
                    .content(csv))
            .andExpect(status().isOk())
            .andReturn();
    return json.readTree(result.getResponse().getContentAsString());
  }

  List<HealthStatusChanged> changesFor(UUID personId) {
    return events.stream(HealthStatusChanged.class)
        .filter(e -> e.personId().equals(personId))
        .toList();
  }

  int historyCount(UUID personId) {
    return jdbc.sql("SELECT count(*) FROM health_status_history WHERE person_id = ?")
        .param(personId)
        .query(Integer.class)
        .single();
  }

  @Test
  void ordersTurnPeopleRedAndAReplayChangesAndPublishesNothing() throws Exception {
    TestPerson byId = person(jdbc);
    TestPerson byDocument = person(jdbc);
    String start = time(now.minus(Duration.ofHours(2)));
    String csv =
        "order_id,person_id,document_type,document_number,kind,starts_at,ends_at\n"
            + "Q-%s,%s,,,QUARANTINE,%s,\n".formatted(byId.id(), byId.id(), start)
            + "C-%s,,FOREIGN_PASSPORT,%s,confirmed,%s,\n"
                .formatted(byDocument.id(), byDocument.documentNumber().toLowerCase(), start);

    JsonNode report = feed("orders", csv, "officer-a");

    assertThat(report.get("rowsTotal").asInt()).isEqualTo(2);
    assertThat(report.get("rowsChanged").asInt()).isEqualTo(2);
    assertThat(report.get("rowsRejected").asInt()).isZero();
    assertThat(report.get("peopleTouched").asInt()).isEqualTo(2);
    assertThat(report.get("statusesChanged").asInt()).isEqualTo(2);
    HealthStatus quarantined = statuses.current(byId.id());
    assertThat(quarantined.colour()).isEqualTo(Colour.RED);
    assertThat(quarantined.rule()).isEqualTo("medical-management");
    assertThat(quarantined.reason()).isEqualTo("medical-management.quarantine");
    assertThat(quarantined.source()).isEqualTo("authority-feed");
    assertThat(statuses.current(byDocument.id()).reason())
        .isEqualTo("medical-management.confirmed");
    assertThat(changesFor(byId.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(Colour.GREEN);
              assertThat(e.to()).isEqualTo(Colour.RED);
            });
    String feedId = report.get("feedId").asString();
    assertThat(
            jdbc.sql(
                    "SELECT caused_by || ' ' || cause FROM health_status_history"
                        + " WHERE person_id = ?")
                .param(byId.id())
                .query(String.class)
                .single())
        .isEqualTo("staff:officer-a feed:" + feedId);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'status.feed.applied'"
                        + " AND detail LIKE ?")
                .param("feed=" + feedId + "%")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    events.clear();
    JsonNode replay = feed("orders", csv, "officer-b");

    assertThat(replay.get("rowsChanged").asInt()).isZero();
    assertThat(replay.get("rowsUnchanged").asInt()).isEqualTo(2);
    assertThat(replay.get("peopleTouched").asInt()).isZero();
    assertThat(replay.get("statusesChanged").asInt()).isZero();
    assertThat(events.stream(HealthStatusChanged.class)).isEmpty();
    assertThat(historyCount(byId.id())).isEqualTo(1);
    assertThat(historyCount(byDocument.id())).isEqualTo(1);
  }

  @Test
  void aReleaseTurnsThePersonGreenAndAReplayOfTheOriginalOrderDoesNotUndoIt() throws Exception {
    TestPerson p = person(jdbc);
    String orderId = "I-" + p.id();
    String order =
        "order_id,person_id,kind,starts_at\n%s,%s,ISOLATION,%s\n"
            .formatted(orderId, p.id(), time(now.minus(Duration.ofDays(10))));
    feed("orders", order, "officer-a");
    assertThat(statuses.current(p.id()).colour()).isEqualTo(Colour.RED);
    events.clear();

    Instant released = now.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
    JsonNode report =
        feed(
            "releases",
            "order_id,released_at\n%s,%s\n".formatted(orderId, time(released)),
            "officer-a");

    assertThat(report.get("statusesChanged").asInt()).isEqualTo(1);
    HealthStatus green = statuses.current(p.id());
    assertThat(green.colour()).isEqualTo(Colour.GREEN);
    assertThat(green.reason()).isEqualTo("medical-management.released");
    assertThat(green.since()).isEqualTo(released);
    assertThat(changesFor(p.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.to()).isEqualTo(Colour.GREEN));

    JsonNode replay = feed("orders", order, "officer-a");

    assertThat(replay.get("rowsChanged").asInt()).isZero();
    assertThat(statuses.current(p.id()).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void anOrderRowWithAnEndReleasesToo() throws Exception {
    TestPerson p = person(jdbc);
    String header = "order_id,person_id,kind,starts_at,ends_at\n";
    String start = time(now.minus(Duration.ofDays(3)));
    feed(
        "orders", header + "S-%s,%s,SUSPECTED,%s,\n".formatted(p.id(), p.id(), start), "officer-a");
    assertThat(statuses.current(p.id()).reason()).isEqualTo("medical-management.suspected");

    feed(
        "orders",
        header
            + "S-%s,%s,SUSPECTED,%s,%s\n"
                .formatted(p.id(), p.id(), start, time(now.minus(Duration.ofHours(1)))),
        "officer-a");

    assertThat(statuses.current(p.id()).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void rejectedRowsAreReportedByLineWithTheirReasonAndTheOtherRowsApplied() throws Exception {
    TestPerson good = person(jdbc);
    TestPerson other = person(jdbc);
    String start = time(now.minus(Duration.ofHours(1)));
    String csv =
        String.join(
            "\n",
            "order_id,person_id,document_type,document_number,kind,starts_at,ends_at",
            "G-%s,%s,,,QUARANTINE,%s,".formatted(good.id(), good.id(), start),
            "X1-%s,%s,,,QUARANTINE,%s".formatted(good.id(), good.id(), start),
            "X2-%s,%s,,,QUARANTINE,%s,".formatted(good.id(), UUID.randomUUID(), start),
            "X3-%s,%s,,,HOSPITAL,%s,".formatted(good.id(), good.id(), start),
            "X4-%s,%s,,,QUARANTINE,yesterday,".formatted(good.id(), good.id()),
            "X5-%s,%s,,,QUARANTINE,2026-03-02,2026-03-01".formatted(good.id(), good.id()),
            "G-%s,%s,,,QUARANTINE,%s,".formatted(good.id(), good.id(), start),
            "X7-%s,,RESIDENT_ID,110101199003071234,QUARANTINE,%s,".formatted(good.id(), start),
            "X8-%s,,,,QUARANTINE,%s,".formatted(good.id(), start),
            "X9-%s,not-a-uuid,,,QUARANTINE,%s,".formatted(good.id(), start),
            "G-%s,%s,,,QUARANTINE,%s,".formatted(other.id(), other.id(), start),
            "X11-%s,%s,FOREIGN_PASSPORT,%s,QUARANTINE,%s,"
                .formatted(good.id(), good.id(), other.documentNumber(), start),
            "X12-%s,%s,,,\"QUARANTINE,%s,".formatted(good.id(), good.id(), start),
            "");

    JsonNode report = feed("orders", csv, "officer-a");

    assertThat(report.get("rowsTotal").asInt()).isEqualTo(13);
    assertThat(report.get("rowsChanged").asInt()).isEqualTo(2);
    assertThat(report.get("rowsRejected").asInt()).isEqualTo(11);
    Map<Integer, String> rejected = new java.util.TreeMap<>();
    report
        .get("rejections")
        .forEach(r -> rejected.put(r.get("line").asInt(), r.get("code").asString()));
    assertThat(rejected)
        .containsEntry(3, "status.feed.row-malformed")
        .containsEntry(4, "status.feed.unknown-person")
        .containsEntry(5, "status.feed.order-kind-invalid")
        .containsEntry(6, "status.feed.time-invalid")
        .containsEntry(7, "status.feed.end-before-start")
        .containsEntry(8, "status.feed.duplicate-row")
        .containsEntry(10, "status.feed.person-missing")
        .containsEntry(11, "status.feed.person-id-invalid")
        .containsEntry(13, "status.feed.person-mismatch")
        .containsEntry(14, "status.feed.row-malformed")
        .hasSize(11);
    assertThat(rejected.get(9)).startsWith("identity.");
    JsonNode first = report.get("rejections").get(0);
    assertThat(first.get("message").get("zh").asString()).isNotBlank();
    assertThat(first.get("message").get("en").asString()).contains("Malformed");
    assertThat(statuses.current(good.id()).colour()).isEqualTo(Colour.RED);
    assertThat(statuses.current(other.id()).colour()).isEqualTo(Colour.RED);

    JsonNode again =
        json.readTree(
            mvc.perform(
                    get("/api/authority/feeds/" + report.get("feedId").asString())
                        .with(officer("officer-b")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(again.get("rowsRejected").asInt()).isEqualTo(11);
    assertThat(again.get("rejections")).hasSize(11);
  }

  @Test
  void anOrderIdThatBelongsToAnotherPersonIsRejected() throws Exception {
    TestPerson first = person(jdbc);
    TestPerson second = person(jdbc);
    String orderId = "Q-" + first.id();
    String start = time(now.minus(Duration.ofHours(1)));
    feed(
        "orders",
        "order_id,person_id,kind,starts_at\n%s,%s,QUARANTINE,%s\n"
            .formatted(orderId, first.id(), start),
        "officer-a");

    JsonNode report =
        feed(
            "orders",
            "order_id,person_id,kind,starts_at\n%s,%s,QUARANTINE,%s\n"
                .formatted(orderId, second.id(), start),
            "officer-a");

    assertThat(report.get("rejections").get(0).get("code").asString())
        .isEqualTo("status.feed.order-person-mismatch");
    assertThat(statuses.current(second.id()).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void aBadHeaderRefusesTheWholeFileAndWritesNothing() throws Exception {
    TestPerson p = person(jdbc);
    int feedsBefore = jdbc.sql("SELECT count(*) FROM status_feed").query(Integer.class).single();
    String start = time(now.minus(Duration.ofHours(1)));

    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at,colour\nQ-%s,%s,QUARANTINE,%s,RED\n"
                        .formatted(p.id(), p.id(), start)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("status.feed.header-unknown-column"))
        .andExpect(jsonPath("$.messageEn").value("Unknown column: colour."))
        .andExpect(jsonPath("$.messageZh").value("未知的列：colour。"));
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,starts_at\nQ-%s,%s,%s\n".formatted(p.id(), p.id(), start)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.feed.header-missing-column"));
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(new byte[] {'o', 'r', 'd', (byte) 0xC3, (byte) 0x28, '\n'}))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.feed.encoding"));
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.feed.empty"));
    mvc.perform(
            post("/api/authority/feeds/vaccinations")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content("a\n1\n"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("status.feed.unknown-kind"));

    assertThat(jdbc.sql("SELECT count(*) FROM status_feed").query(Integer.class).single())
        .isEqualTo(feedsBefore);
    assertThat(
            jdbc.sql("SELECT count(*) FROM medical_order WHERE person_id = ?")
                .param(p.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(statuses.current(p.id()).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void arrivalsFromAKeyRegionMakePeopleYellowAndAListingAddedLaterReachesEarlierArrivals()
      throws Exception {
    String key = "K" + Long.toString(System.nanoTime(), 36).toUpperCase();
    String later = "L" + Long.toString(System.nanoTime(), 36).toUpperCase();
    feed(
        "key-regions",
        "region_code,name,valid_from,valid_to\n%s,测试重点地区,%s,\n".formatted(key, today.minusDays(30)),
        "officer-a");
    TestPerson fromKey = person(jdbc);
    TestPerson fromOther = person(jdbc);
    TestPerson byDocument = person(jdbc);

    JsonNode report =
        feed(
            "arrivals",
            "person_id,document_type,document_number,region_code,arrived_on\n"
                + "%s,,,%s,%s\n".formatted(fromKey.id(), key.toLowerCase(), today.minusDays(3))
                + "%s,,,%s,%s\n".formatted(fromOther.id(), later, today.minusDays(3))
                + ",FOREIGN_PASSPORT,%s,%s,%s\n"
                    .formatted(byDocument.documentNumber(), key, today.minusDays(13))
                + "%s,,,%s,%s\n".formatted(fromKey.id(), key, today.plusDays(1)),
            "officer-a");

    assertThat(report.get("rowsChanged").asInt()).isEqualTo(3);
    assertThat(report.get("rejections").get(0).get("code").asString())
        .isEqualTo("status.feed.arrival-in-future");
    HealthStatus yellow = statuses.current(fromKey.id());
    assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
    assertThat(yellow.rule()).isEqualTo("key-region-arrival");
    assertThat(yellow.reason()).isEqualTo("key-region-arrival.observation");
    assertThat(statuses.current(byDocument.id()).colour()).isEqualTo(Colour.YELLOW);
    assertThat(statuses.current(fromOther.id()).colour()).isEqualTo(Colour.GREEN);

    JsonNode listing =
        feed(
            "key-regions",
            "region_code,name,valid_from,valid_to\n%s,后列入地区,%s,%s\n"
                .formatted(later, today.minusDays(5), today),
            "officer-a");

    assertThat(listing.get("peopleTouched").asInt()).isEqualTo(1);
    assertThat(statuses.current(fromOther.id()).colour()).isEqualTo(Colour.YELLOW);
    assertThat(changesFor(fromOther.id())).hasSize(1);
  }

  @Test
  void aRedeclarationRequestShowsTheNoticeOnGreenUntilThePersonDeclares() throws Exception {
    TestPerson p = person(jdbc);

    feed(
        "redeclarations",
        "person_id,requested_at\n%s,%s\n".formatted(p.id(), time(now.minus(Duration.ofHours(1)))),
        "officer-a");

    HealthStatus noticed = statuses.current(p.id());
    assertThat(noticed.colour()).isEqualTo(Colour.GREEN);
    assertThat(noticed.redeclareNotice()).isTrue();
    mvc.perform(get("/api/me/status").with(citizen(p.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.redeclareNotice").value(true))
        .andExpect(
            jsonPath("$.redeclareNoticeText.en")
                .value(org.hamcrest.Matchers.containsString("declare")));

    facts.declarationReceived(p.id(), now, false);

    assertThat(statuses.current(p.id()).redeclareNotice()).isFalse();
  }

  @Autowired StatusFacts facts;

  @Test
  void aFeedMaySendJsonOrUploadAFile() throws Exception {
    TestPerson a = person(jdbc);
    TestPerson b = person(jdbc);
    String start = time(now.minus(Duration.ofHours(1)));

    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    [{"orderId": "J-%s", "personId": "%s", "kind": "QUARANTINE", "startsAt": "%s"},
                     {"orderId": "J2-%s", "personId": "%s", "kind": "QUARANTINE"}]
                    """
                        .formatted(a.id(), a.id(), start, a.id(), a.id())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rowsChanged").value(1))
        .andExpect(jsonPath("$.rejections[0].line").value(2))
        .andExpect(jsonPath("$.rejections[0].code").value("status.feed.value-missing"));
    assertThat(statuses.current(a.id()).colour()).isEqualTo(Colour.RED);

    var file =
        new MockMultipartFile(
            "file",
            "orders.csv",
            "text/csv",
            "order_id,person_id,kind,starts_at\nU-%s,%s,QUARANTINE,%s\n"
                .formatted(b.id(), b.id(), start)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    mvc.perform(multipart("/api/authority/feeds/orders").file(file).with(officer("officer-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fileName").value("orders.csv"))
        .andExpect(jsonPath("$.rowsChanged").value(1));
    assertThat(statuses.current(b.id()).colour()).isEqualTo(Colour.RED);

    // a CSV body names its file with ?fileName= (camelCase, as every parameter)
    TestPerson c = person(jdbc);
    mvc.perform(
            post("/api/authority/feeds/orders")
                .param("fileName", "night-run.csv")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\nN-%s,%s,QUARANTINE,%s\n"
                        .formatted(c.id(), c.id(), start)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fileName").value("night-run.csv"));
  }

  @Test
  void aJsonFeedWithSnakeCaseKeysIsRefusedWholeAndChangesNothing() throws Exception {
    TestPerson a = person(jdbc);
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    [{"order_id": "S-%s", "person_id": "%s", "kind": "QUARANTINE", "starts_at": "%s"}]
                    """
                        .formatted(a.id(), a.id(), time(now.minus(Duration.ofHours(1))))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.feed.header-unknown-column"));
    assertThat(statuses.current(a.id()).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void onlyTheHealthAuthorityMaySendFeeds() throws Exception {
    String csv = "order_id,person_id,kind,starts_at\n";
    mvc.perform(get("/api/authority/feeds"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(httpBasic("officer-a", "wrong"))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("auditor"))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(citizen(UUID.randomUUID()))
                .with(HealthCodeFixtures.xsrf())
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/authority/feeds").with(officer("auditor")))
        .andExpect(status().isForbidden());
  }
}
