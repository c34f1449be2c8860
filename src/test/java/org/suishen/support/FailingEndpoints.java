package org.suishen.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Test only: endpoints that fail the way the framework, the database and our own code fail, an API
 * one under {@value #API} and a page one under {@value #PAGES} (both public), and a filter that
 * fails before any controller ({@code .../filter-busy}). Import it into the test that needs them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingEndpoints {

  public static final String API = "/api/login/test-support/failures";
  public static final String PAGES = "/login/test-support/failures";

  /** A request body with constraints. */
  public record Registration(@NotBlank String phone, @Size(max = 4) String name) {}

  static CannotGetJdbcConnectionException busyPool() {
    return new CannotGetJdbcConnectionException(
        "Failed to obtain JDBC Connection",
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 30000ms."));
  }

  @RestController
  @RequestMapping(API)
  static class Api {

    @GetMapping("/parameter")
    String parameter(@RequestParam String phone) {
      return phone;
    }

    @GetMapping("/typed")
    int typed(@RequestParam int page) {
      return page;
    }

    @GetMapping("/header")
    String header(@RequestHeader("X-Device") String device) {
      return device;
    }

    @GetMapping("/by-id/{id}")
    UUID byId(@PathVariable UUID id) {
      return id;
    }

    @GetMapping("/validated")
    String validated(@RequestParam @NotBlank @Size(max = 11) String phone) {
      return phone;
    }

    @PostMapping("/body")
    String body(@Valid @RequestBody Registration registration) {
      return registration.phone();
    }

    @GetMapping("/status")
    String status() {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "internal reason");
    }

    @GetMapping("/busy")
    String busy() {
      throw busyPool();
    }

    @GetMapping("/unexpected")
    String unexpected() {
      throw new IllegalStateException("internal detail: SELECT secret FROM person");
    }
  }

  @Controller
  @RequestMapping(PAGES)
  static class Pages {

    @GetMapping("/parameter")
    String parameter(@RequestParam String phone) {
      return "home";
    }

    @GetMapping("/status")
    String status() {
      throw new ResponseStatusException(HttpStatus.GONE);
    }

    @GetMapping("/busy")
    String busy() {
      throw busyPool();
    }

    @GetMapping("/unexpected")
    String unexpected() {
      throw new IllegalStateException("internal detail: SELECT secret FROM person");
    }
  }

  /** Fails like a filter that reads the database (a session check) when the pool is exhausted. */
  @Bean
  FilterRegistrationBean<Filter> failingFilter() {
    Filter filter =
        (request, response, chain) -> {
          String uri = ((HttpServletRequest) request).getRequestURI();
          if (uri.endsWith("/filter-busy")) {
            throw busyPool();
          }
          chain.doFilter(request, response);
        };
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(0);
    return registration;
  }
}
