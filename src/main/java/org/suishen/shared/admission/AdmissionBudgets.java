package org.suishen.shared.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polite shedding (X2): each class of work ({@link WorkClass}) has its own number of requests that
 * may be in progress on this node. A request over its class's budget is refused before anything
 * else is done for it (ahead of the security filters: no session, no password, no database) with
 * 503, {@code Retry-After} and the problem {@code server.busy} in both languages, rendered once at
 * start (a page gets a small bilingual page that reloads itself after a random 5-15 s, so the
 * phones refused together do not return together); the terminals and the code page try again by
 * themselves with their own back-off. The others keep their budgets, so a flood of code displays
 * leaves the doors and the sampling tables their capacity. A request finding its class full may
 * wait briefly in one of a few waiting places (bursts of a load the node can serve are not
 * refused); one beyond those is refused at once, so a flood never piles up here.
 */
public class AdmissionBudgets extends OncePerRequestFilter {

  static final String BUSY = "server.busy";

  /** Ahead of the refusal guard (-500) and Spring Security's chain (-100). */
  static final int ORDER = -600;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AdmissionProperties.class)
  static class Registration {

    @Bean
    FilterRegistrationBean<AdmissionBudgets> admissionBudgets(
        AdmissionProperties properties,
        ErrorMessages messages,
        ProblemDetailsAdvice problems,
        JsonMapper json,
        MeterRegistry meters) {
      var registration =
          new FilterRegistrationBean<>(
              new AdmissionBudgets(properties, messages, problems, json, meters));
      registration.setOrder(ORDER);
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      registration.setEnabled(properties.enabled());
      return registration;
    }
  }

  /**
   * One class's places, its waiting requests (as many may wait as it has places) and its refusals.
   *
   * @param places fair: a place freed goes to the request that has waited longest
   */
  private record Budget(int size, Semaphore places, AtomicInteger waiting, Counter refused) {}

  private final Map<WorkClass, Budget> budgets = new EnumMap<>(WorkClass.class);
  private final long maxWaitNanos;
  private final String retryAfter;
  private final byte[] chinese;
  private final byte[] english;
  private final String busyPage;

  AdmissionBudgets(
      AdmissionProperties properties,
      ErrorMessages messages,
      ProblemDetailsAdvice problems,
      JsonMapper json,
      MeterRegistry meters) {
    for (WorkClass work : WorkClass.values()) {
      int size = properties.maxInFlight().get(work);
      String tag = work.name().toLowerCase(Locale.ROOT);
      var budget =
          new Budget(
              size,
              new Semaphore(size, true),
              new AtomicInteger(),
              Counter.builder("suishen.admission.refused")
                  .description("Requests refused because their class of work was at its budget")
                  .tag("work", tag)
                  .register(meters));
      budgets.put(work, budget);
      Gauge.builder(
              "suishen.admission.in-flight", budget, b -> size - b.places().availablePermits())
          .description("Requests of the class in progress on this node")
          .tag("work", tag)
          .register(meters);
      Gauge.builder("suishen.admission.waiting", budget, b -> Math.min(size, b.waiting().get()))
          .description("Requests of the class waiting for a place on this node")
          .tag("work", tag)
          .register(meters);
    }
    this.maxWaitNanos = properties.maxWait().toNanos();
    this.retryAfter = String.valueOf(properties.retryAfterSeconds());
    this.chinese = body(problems, json, ErrorMessages.CHINESE);
    this.english = body(problems, json, ErrorMessages.ENGLISH);
    this.busyPage =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta http-equiv=\"refresh\" content=\"{0}\"><title>随申码</title></head><body>"
            + "<main id=\"busy\"><h1>"
            + HtmlUtils.htmlEscape(messages.chinese(BUSY))
            + "</h1><p lang=\"en\">"
            + HtmlUtils.htmlEscape(messages.english(BUSY))
            + "</p><p>"
            + HtmlUtils.htmlEscape(messages.chinese("server.busy.page"))
            + "</p><p lang=\"en\">"
            + HtmlUtils.htmlEscape(messages.english("server.busy.page"))
            + "</p></main></body></html>";
  }

  /** The problem+json of the refusal, as every other refusal is shaped, rendered once. */
  private static byte[] body(ProblemDetailsAdvice problems, JsonMapper json, Locale locale) {
    return json.writeValueAsBytes(
        problems.problem(HttpStatus.SERVICE_UNAVAILABLE, BUSY, new Object[0], locale).getBody());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    WorkClass work =
        WorkClass.of(request.getRequestURI().substring(request.getContextPath().length()));
    if (work == null) {
      chain.doFilter(request, response);
      return;
    }
    Budget budget = budgets.get(work);
    if (!admitted(budget)) {
      budget.refused().increment();
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      budget.places().release();
    }
  }

  /**
   * A place of the class now, or after a short wait in one of as many waiting places as the class
   * has; none when those are taken too (refused at once) or the wait runs out.
   */
  private boolean admitted(Budget budget) {
    // tryAcquire(0, …) rather than tryAcquire(): it does not overtake requests already waiting
    if (tryAcquire(budget.places(), 0)) {
      return true;
    }
    if (maxWaitNanos == 0) {
      return false;
    }
    try {
      return budget.waiting().incrementAndGet() <= budget.size()
          && tryAcquire(budget.places(), maxWaitNanos);
    } finally {
      budget.waiting().decrementAndGet();
    }
  }

  private static boolean tryAcquire(Semaphore permits, long nanos) {
    try {
      return permits.tryAcquire(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(503);
    response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      byte[] page =
          busyPage
              .replace("{0}", String.valueOf(ThreadLocalRandom.current().nextInt(5, 16)))
              .getBytes(StandardCharsets.UTF_8);
      response.setContentType("text/html;charset=UTF-8");
      response.setContentLength(page.length);
      response.getOutputStream().write(page);
      return;
    }
    String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    byte[] body =
        language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? english : chinese;
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
