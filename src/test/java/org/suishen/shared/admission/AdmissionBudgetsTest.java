package org.suishen.shared.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.suishen.shared.problem.ErrorMessages;
import tools.jackson.databind.json.JsonMapper;

class AdmissionBudgetsTest {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  // as the application's mapper writes problems: their properties at the top level
  final JsonMapper json =
      JsonMapper.builder()
          .addMixIn(
              org.springframework.http.ProblemDetail.class,
              org.springframework.http.converter.json.ProblemDetailJacksonMixin.class)
          .build();

  AdmissionBudgets budgets(Map<WorkClass, Integer> maxInFlight) {
    return budgets(maxInFlight, Duration.ZERO);
  }

  AdmissionBudgets budgets(Map<WorkClass, Integer> maxInFlight, Duration maxWait) {
    var source = new ResourceBundleMessageSource();
    source.setBasenames("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    var messages = new ErrorMessages(source);
    return new AdmissionBudgets(
        new AdmissionProperties(true, maxInFlight, 3, maxWait),
        messages,
        new org.suishen.shared.problem.ProblemDetailsAdvice(messages),
        json,
        meters);
  }

  /** A chain that says it is inside and holds its place until released. */
  static FilterChain holding(CountDownLatch inside, CountDownLatch release) {
    return (request, response) -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  static MockHttpServletResponse call(AdmissionBudgets filter, String path, FilterChain chain)
      throws Exception {
    var request = new MockHttpServletRequest("GET", path);
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  @Test
  void aRequestOverItsClassBudgetIsRefusedAtOnceWhileOtherClassesPass() throws Exception {
    var filter = budgets(Map.of(WorkClass.CODE_DISPLAY, 1));
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    FilterChain holding = holding(inside, release);
    try (var pool = Executors.newSingleThreadExecutor()) {
      var first = pool.submit(() -> call(filter, "/api/me/code", holding));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

      var refused = call(filter, "/api/me/dependants/abc/code", (q, r) -> {});
      assertThat(refused.getStatus()).isEqualTo(503);
      assertThat(refused.getHeader("Retry-After")).isEqualTo("3");
      assertThat(refused.getContentType()).isEqualTo("application/problem+json");
      var problem = json.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
      assertThat(problem.get("code").asString()).isEqualTo("server.busy");
      assertThat(problem.get("status").asInt()).isEqualTo(503);
      assertThat(problem.get("messageZh").asString()).contains("系统繁忙");
      assertThat(problem.get("messageEn").asString()).contains("busy");
      assertThat(
              meters.get("suishen.admission.refused").tag("work", "code_display").counter().count())
          .isEqualTo(1.0);
      assertThat(
              meters.get("suishen.admission.in-flight").tag("work", "code_display").gauge().value())
          .isEqualTo(1.0);

      // a door keeps its own budget while the code display is full
      assertThat(call(filter, "/api/sentinel/decisions", (q, r) -> {}).getStatus()).isEqualTo(200);

      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }
    // the permit is back: the next code display passes
    assertThat(call(filter, "/api/me/code", (q, r) -> {}).getStatus()).isEqualTo(200);
    assertThat(
            meters.get("suishen.admission.in-flight").tag("work", "code_display").gauge().value())
        .isZero();
  }

  @Test
  void aRequestFindingItsClassFullWaitsBrieflyInOneOfAsManyPlacesAndOneMoreIsRefusedAtOnce()
      throws Exception {
    var filter = budgets(Map.of(WorkClass.CODE_DISPLAY, 1), Duration.ofSeconds(10));
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    FilterChain holding = holding(inside, release);
    try (var pool = Executors.newFixedThreadPool(2)) {
      var first = pool.submit(() -> call(filter, "/api/me/code", holding));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      // the one waiting place: this request waits for the first one's place
      var second = pool.submit(() -> call(filter, "/api/me/code", (q, r) -> {}));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (waitingForCodeDisplay() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(waitingForCodeDisplay()).isEqualTo(1.0);
      assertThat(second.isDone()).isFalse();

      // the place and the waiting place taken: refused at once, well before any wait ran out
      long start = System.nanoTime();
      var third = call(filter, "/api/me/code", (q, r) -> {});
      assertThat(third.getStatus()).isEqualTo(503);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
      assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }
    assertThat(
            meters.get("suishen.admission.refused").tag("work", "code_display").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aWaitThatRunsOutIsARefusal() throws Exception {
    var filter = budgets(Map.of(WorkClass.CODE_DISPLAY, 1), Duration.ofMillis(50));
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    try (var pool = Executors.newSingleThreadExecutor()) {
      pool.submit(() -> call(filter, "/api/me/code", holding(inside, release)));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      var waited = call(filter, "/api/me/code", (q, r) -> {});
      release.countDown();
      assertThat(waited.getStatus()).isEqualTo(503);
      assertThat(waited.getHeader("Retry-After")).isEqualTo("3");
    }
  }

  double waitingForCodeDisplay() {
    return meters.get("suishen.admission.waiting").tag("work", "code_display").gauge().value();
  }

  @Test
  void aRefusedPageIsABilingualPageThatReloadsItselfLater() throws Exception {
    var filter = budgets(Map.of(WorkClass.CODE_DISPLAY, 1));
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    try (var pool = Executors.newSingleThreadExecutor()) {
      pool.submit(() -> call(filter, "/me/code", holding(inside, release)));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      var page = call(filter, "/me/code", (q, r) -> {});
      release.countDown();

      assertThat(page.getStatus()).isEqualTo(503);
      assertThat(page.getContentType()).isEqualTo("text/html;charset=UTF-8");
      String html = page.getContentAsString(StandardCharsets.UTF_8);
      assertThat(html).contains("系统繁忙", "The service is busy", "自动重新打开", "opens again by itself");
      assertThat(html).containsPattern("http-equiv=\"refresh\" content=\"([5-9]|1[0-5])\"");
    }
  }

  @Test
  void assetsAndHealthNeedNoBudget() throws Exception {
    var filter = budgets(Map.of(WorkClass.STAFF, 1, WorkClass.CITIZEN, 1));
    assertThat(WorkClass.of("/css/site.css")).isNull();
    assertThat(WorkClass.of("/actuator/health")).isNull();
    assertThat(call(filter, "/js/vendor/qrcode.js", (q, r) -> {}).getStatus()).isEqualTo(200);
  }

  @Test
  void everyPathFallsInItsClassOfWork() {
    assertThat(WorkClass.of("/api/me/code")).isEqualTo(WorkClass.CODE_DISPLAY);
    assertThat(WorkClass.of("/me/code")).isEqualTo(WorkClass.CODE_DISPLAY);
    assertThat(WorkClass.of("/api/me/dependants/7f3a/code")).isEqualTo(WorkClass.CODE_DISPLAY);
    assertThat(WorkClass.of("/api/me/dependants/7f3a")).isEqualTo(WorkClass.CITIZEN);
    assertThat(WorkClass.of("/api/scan")).isEqualTo(WorkClass.DOOR);
    assertThat(WorkClass.of("/api/sentinel/decisions")).isEqualTo(WorkClass.DOOR);
    assertThat(WorkClass.of("/api/kiosk/codes")).isEqualTo(WorkClass.DOOR);
    assertThat(WorkClass.of("/api/sampling/registrations")).isEqualTo(WorkClass.SAMPLING);
    assertThat(WorkClass.of("/api/lab/results")).isEqualTo(WorkClass.SAMPLING);
    assertThat(WorkClass.of("/api/authority/feeds/status")).isEqualTo(WorkClass.FEEDS);
    assertThat(WorkClass.of("/api/authority/changes")).isEqualTo(WorkClass.STAFF);
    assertThat(WorkClass.of("/login")).isEqualTo(WorkClass.CITIZEN);
    assertThat(WorkClass.of("/api/me/declarations")).isEqualTo(WorkClass.CITIZEN);
    assertThat(WorkClass.of("/review/appeals")).isEqualTo(WorkClass.STAFF);
    // a prefix is a whole path segment: /scanner is not /scan
    assertThat(WorkClass.of("/scanner")).isNull();
    assertThat(WorkClass.of("/api/scans")).isNull();
  }

  @Test
  void budgetsBindFromTheSettingsInKebabCaseAndAZeroIsRefused() {
    var bound =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "suishen.admission.max-in-flight.code-display", "5",
                        "suishen.admission.retry-after-seconds", "2",
                        "suishen.admission.max-wait", "50ms")))
            .bindOrCreate("suishen.admission", AdmissionProperties.class);
    assertThat(bound.maxInFlight())
        .containsEntry(WorkClass.CODE_DISPLAY, 5)
        .containsEntry(WorkClass.DOOR, AdmissionProperties.DEFAULTS.get(WorkClass.DOOR));
    assertThat(bound.retryAfterSeconds()).isEqualTo(2);
    assertThat(bound.maxWait()).isEqualTo(Duration.ofMillis(50));
    assertThat(new AdmissionProperties(null, null, null, null).maxWait())
        .isEqualTo(Duration.ofMillis(100));
    assertThat(bound.enabled()).isTrue();
    // unset, the code display's budget follows the node's cores
    assertThat(new AdmissionProperties(null, null, null, null).maxInFlight())
        .containsEntry(WorkClass.CODE_DISPLAY, 8 * Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> new AdmissionProperties(true, Map.of(WorkClass.DOOR, 0), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("suishen.admission.max-in-flight.DOOR");
  }
}
