package org.suishen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refused;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a {@link Refused} where no controller advice does (before a controller was chosen, in the
 * error dispatch): {@code /api/**} gets problem+json, everything else the error page unless the
 * client asks for JSON only ({@link #wantsProblem}).
 */
@Component
class RefusalResponses {

  static final String VIEW = "refused";

  private final ProblemDetailsAdvice problems;
  private final ErrorMessages messages;
  private final JsonMapper json;
  private final LocaleResolver locales;

  RefusalResponses(
      ProblemDetailsAdvice problems,
      ErrorMessages messages,
      JsonMapper json,
      LocaleResolver locales) {
    this.problems = problems;
    this.messages = messages;
    this.json = json;
    this.locales = locales;
  }

  /** Whether the path (without the context path) is the JSON API. */
  static boolean isApi(@Nullable String path) {
    return path != null && path.startsWith("/api/");
  }

  /**
   * Whether the refusal goes out as problem+json: always under {@code /api/}; elsewhere (pages)
   * when the client asks for JSON and not for HTML (content negotiation: a script or a monitoring
   * probe that opens a page path gets what it can read, a browser the error page).
   */
  static boolean wantsProblem(HttpServletRequest request, @Nullable String path) {
    if (isApi(path)) {
      return true;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    boolean html =
        types.stream()
            .anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType());
    boolean json =
        types.stream()
            .anyMatch(
                t ->
                    !t.isWildcardType()
                        && (t.isCompatibleWith(MediaType.APPLICATION_JSON)
                            || t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    return json && !html;
  }

  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  void writeProblem(HttpServletRequest request, HttpServletResponse response, Refused refusal)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    var entity = problems.problem(refusal, locale);
    response.setStatus(refusal.status().value());
    entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    response.setContentType("application/problem+json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), entity.getBody());
  }

  /**
   * The error page: the message in the person's language, the code, and a way back; for a stale
   * form (CSRF) also a link to open the page again.
   */
  ModelAndView page(
      Refused refusal, Locale locale, @Nullable String retryPath, HttpServletResponse response) {
    var page = new ModelAndView(VIEW, HttpStatus.valueOf(refusal.status().value()));
    page.addObject("errorCode", refusal.code());
    page.addObject("errorMessage", messages.message(refusal.code(), refusal.arguments(), locale));
    if (retryPath != null) {
      page.addObject("retryHref", retryPath);
    }
    refusal.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    return page;
  }

  /** The page the person came from (same site only), to open again after a stale form. */
  static @Nullable String sameSiteReferer(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return null;
    }
    try {
      URI uri = URI.create(referer);
      boolean sameHost =
          uri.getHost() == null
              || (uri.getHost().equalsIgnoreCase(request.getServerName())
                  && (uri.getPort() == -1 || uri.getPort() == request.getServerPort()));
      String path = uri.getRawPath();
      if (!sameHost || path == null || !path.startsWith("/") || path.startsWith("//")) {
        return null;
      }
      String contextPath = request.getContextPath();
      if (!path.startsWith(contextPath)) {
        return null;
      }
      String local = path.substring(contextPath.length());
      return local.isEmpty() || isApi(local) ? null : local;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
