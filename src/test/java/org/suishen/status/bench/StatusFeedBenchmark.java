package org.suishen.status.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.status.StatusTestSupport;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures an authority feed of N orders (default 100 000) end to end over HTTP: upload, staging,
 * set-based upsert, evaluation of everyone touched, statuses and history written. Not part of the
 * test suite (its name matches neither *Test nor *IT); run it with {@code bench/status-feed}.
 */
@IntegrationTest
@Import(StatusTestSupport.class)
class StatusFeedBenchmark {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Clock clock;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void feedOfOrders() throws Exception {
    int people = Integer.getInteger("bench.people", 100_000);
    // a server that has run for a while: the same work once on 10 000 other people
    Feeds warmUp = prepare(10_000);
    send("orders", warmUp.orders());
    send("releases", warmUp.releases());

    long t0 = System.nanoTime();
    Feeds feeds = prepare(people);
    long setup = millis(t0);
    String orders = feeds.orders();
    String releases = feeds.releases();

    Timed first = send("orders", orders);
    Timed replay = send("orders", orders);
    Timed release = send("releases", releases);

    assertThat(first.report().get("statusesChanged").asInt()).isEqualTo(people);
    assertThat(replay.report().get("statusesChanged").asInt()).isZero();
    assertThat(release.report().get("statusesChanged").asInt()).isEqualTo(people);

    String result =
        """
        status-feed benchmark: %d people (%d MB of CSV), %d cores, setup %d ms, after a warm-up
          orders   (all turn red):   %6d ms (reads red after %d ms)  %s
          replay   (no change):      %6d ms  %s
          releases (all turn green): %6d ms (reads green after %d ms)  %s
        """
            .formatted(
                people,
                orders.length() / 1_000_000,
                Runtime.getRuntime().availableProcessors(),
                setup,
                first.millis(),
                visibleAfter(first.report()),
                summary(first.report()),
                replay.millis(),
                summary(replay.report()),
                release.millis(),
                visibleAfter(release.report()),
                summary(release.report()));
    System.out.println(result);
    Path out = Path.of("target", "bench", "status-feed.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, result);
  }

  record Feeds(String orders, String releases) {}

  /** {@code people} new people in the register, and a feed of one order each and its release. */
  private Feeds prepare(int people) {
    String tag = "BN" + Long.toString(System.nanoTime(), 36).toUpperCase();
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at) SELECT gen_random_uuid(),"
                + " 'FOREIGN_PASSPORT', ? || lpad(g::text, 8, '0'), '测试', '测试', 'F',"
                + " DATE '1985-01-01', now(), now() FROM generate_series(1, ?) AS g")
        .param(tag)
        .param(people)
        .update();
    List<UUID> ids =
        jdbc.sql("SELECT id FROM person WHERE document_number LIKE ? ORDER BY document_number")
            .param(tag + "%")
            .query(UUID.class)
            .list();
    String start = StatusTestSupport.time(clock.instant().minus(Duration.ofHours(1)));
    String released = StatusTestSupport.time(clock.instant().minus(Duration.ofMinutes(1)));
    var orders = new StringBuilder("order_id,person_id,kind,starts_at\n");
    var releases = new StringBuilder("order_id,released_at\n");
    for (int i = 0; i < ids.size(); i++) {
      orders.append(tag).append('-').append(i).append(',').append(ids.get(i));
      orders.append(",QUARANTINE,").append(start).append('\n');
      releases.append(tag).append('-').append(i).append(',').append(released).append('\n');
    }
    return new Feeds(orders.toString(), releases.toString());
  }

  record Timed(long millis, JsonNode report) {}

  private Timed send(String kind, String csv) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("officer-a:" + StatusTestSupport.PASSWORD).getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/authority/feeds/" + kind))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long elapsed = millis(t0);
    assertThat(response.statusCode()).isEqualTo(200);
    return new Timed(elapsed, json.readTree(response.body()));
  }

  private static String summary(JsonNode report) {
    return "rows=%d changed=%d unchanged=%d rejected=%d statusesChanged=%d"
        .formatted(
            report.get("rowsTotal").asInt(),
            report.get("rowsChanged").asInt(),
            report.get("rowsUnchanged").asInt(),
            report.get("rowsRejected").asInt(),
            report.get("statusesChanged").asInt());
  }

  /** From receipt to the commit of the facts, after which reads give the new status. */
  private static long visibleAfter(JsonNode report) {
    return java.time.Duration.between(
            java.time.Instant.parse(report.get("receivedAt").asString()),
            java.time.Instant.parse(report.get("appliedAt").asString()))
        .toMillis();
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
