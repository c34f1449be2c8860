package org.suishen.security;

import static org.suishen.shared.security.Role.*;

import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which role reaches which path, first match wins; a path matched by none needs a log-in of any
 * kind. {@code /api/**} is the JSON API, everything else pages; citizens are under {@code /me}.
 */
final class AccessRules {

  static final AccessRule PUBLIC =
      AccessRule.open(
          "/",
          "/privacy",
          "/error",
          "/css/**",
          "/js/**",
          "/images/**",
          "/favicon.ico",
          "/login",
          "/login/**",
          "/api/login/**",
          "/staff/login",
          "/dev/sms",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/swagger-ui/**",
          "/swagger-ui.html",
          "/actuator/health",
          "/actuator/health/**",
          "/api/keys",
          "/api/keys/**",
          "/api/revocations/**");

  static final List<AccessRule> RULES =
      List.of(
          PUBLIC,
          AccessRule.roles(List.of("/me/**", "/api/me/**"), CITIZEN),
          // metrics tell load, error rates and key ids: operators only (health above stays public);
          // a Prometheus scraper logs in as a staff account with this role (HTTP Basic)
          AccessRule.roles(List.of("/actuator", "/actuator/**"), OPERATOR),
          AccessRule.roles(List.of("/admin/**", "/api/admin/**"), ADMINISTRATOR),
          AccessRule.roles(List.of("/audit/**", "/api/audit/**"), AUDITOR, ADMINISTRATOR),
          AccessRule.roles(List.of("/authority/**", "/api/authority/**"), HEALTH_AUTHORITY),
          AccessRule.roles(List.of("/review/**", "/api/review/**"), APPEAL_REVIEWER),
          AccessRule.roles(List.of("/api/staff/persons/**"), APPEAL_REVIEWER, HEALTH_AUTHORITY),
          AccessRule.roles(List.of("/api/staff/identity-recoveries"), APPEAL_REVIEWER),
          AccessRule.roles(
              List.of(
                  "/api/sampling/sites",
                  "/api/sampling/sites/**",
                  "/api/sampling/labs",
                  "/api/sampling/labs/**"),
              HEALTH_AUTHORITY,
              ADMINISTRATOR),
          AccessRule.roles(List.of("/api/sampling/terminals/**"), SAMPLER),
          AccessRule.roles(
              List.of(
                  "/sampling/site",
                  "/sampling/site/**",
                  "/api/sampling/tubes",
                  "/api/sampling/tubes/**",
                  "/api/sampling/boxes",
                  "/api/sampling/boxes/**",
                  "/api/sampling/registrations/batch",
                  "/sampling",
                  "/sampling/**"),
              SAMPLER,
              SAMPLING_TERMINAL),
          AccessRule.roles(List.of("/lab", "/lab/**", "/api/lab/**"), LAB),
          // a venue's sentinel decides for the venue it is bound to; its staff check and manage
          AccessRule.roles(
              List.of("/sentinel", "/sentinel/**", "/api/sentinel/**"), VENUE_SENTINEL),
          AccessRule.roles(List.of("/api/venue-checks"), VENUE_STAFF),
          AccessRule.roles(
              List.of("/venue", "/venue/**", "/api/venues", "/api/venues/**"),
              VENUE_STAFF,
              HEALTH_AUTHORITY,
              ADMINISTRATOR),
          AccessRule.roles(
              List.of("/kiosk", "/kiosk/**", "/api/kiosk/**"), SELF_SERVICE_KIOSK, BANK_KIOSK),
          // the paper offline code is checked by a person with the ID card in hand (O9, O10)
          AccessRule.roles(
              List.of("/scan/offline-code", "/api/scan/offline-code"), VENUE_STAFF, SAMPLER),
          AccessRule.roles(
              List.of("/scan/**", "/api/scan/**"),
              VENUE_STAFF,
              SAMPLER,
              SAMPLING_TERMINAL,
              VENUE_SENTINEL,
              SELF_SERVICE_KIOSK,
              BANK_KIOSK),
          AccessRule.roles(
              List.of("/api/device/**"),
              SELF_SERVICE_KIOSK,
              BANK_KIOSK,
              SAMPLING_TERMINAL,
              VENUE_SENTINEL));

  private AccessRules() {}

  /** The rule that decides the path (an OpenAPI path template such as {@code /api/me/{id}}). */
  static Optional<AccessRule> forPath(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return RULES.stream()
        .filter(
            rule ->
                rule.patterns().stream()
                    .anyMatch(
                        pattern ->
                            PathPatternParser.defaultInstance.parse(pattern).matches(container)))
        .findFirst();
  }
}
