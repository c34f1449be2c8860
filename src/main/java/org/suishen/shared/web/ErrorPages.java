package org.suishen.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusals;
import org.suishen.shared.problem.Refused;

/**
 * The container's error dispatch ({@code /error}), in place of Spring Boot's Whitelabel page and
 * its {@code {timestamp, status, error}} JSON: what failed in a filter (a stale CSRF token, an
 * unreadable body, a database that cannot be reached) or in the container itself. The refusal is
 * that of the failure when one is known, else that of the status; {@code /api/**} gets
 * problem+json, pages the error page.
 */
@Controller
@Hidden
class ErrorPages implements ErrorController {

  private final RefusalResponses responses;
  private final ProblemDetailsAdvice problems;
  private final ErrorAttributes errors;

  ErrorPages(RefusalResponses responses, ProblemDetailsAdvice problems, ErrorAttributes errors) {
    this.responses = responses;
    this.problems = problems;
    this.errors = errors;
  }

  @RequestMapping("/error")
  Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Throwable failure = failure(request);
    Refused refusal;
    if (failure != null) {
      refusal = Refusals.of(failure);
    } else {
      refusal = Refusals.ofStatus(status(request, response));
    }
    if (failure != null && request.getAttribute(RefusalGuard.LOGGED) == null) {
      ProblemDetailsAdvice.logged(refusal, failure);
    }
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path != null) {
      path = path.substring(Math.min(path.length(), request.getContextPath().length()));
    }
    if (RefusalResponses.wantsProblem(request, path)) {
      ResponseEntity<ProblemDetail> problem = problems.problem(refusal, locale);
      return problem;
    }
    String retry =
        "auth.csrf".equals(refusal.code()) ? RefusalResponses.sameSiteReferer(request) : null;
    ModelAndView page = responses.page(refusal, locale, retry, response);
    return page;
  }

  private @Nullable Throwable failure(HttpServletRequest request) {
    Throwable failure = errors.getError(new ServletWebRequest(request));
    if (failure == null
        && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof Throwable denied) {
      failure = denied;
    }
    // the container wraps what a servlet threw: "Request processing failed: ..."
    while (failure != null
        && failure.getClass() == ServletException.class
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  private static int status(HttpServletRequest request, HttpServletResponse response) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return status instanceof Integer code ? code : response.getStatus();
  }
}
