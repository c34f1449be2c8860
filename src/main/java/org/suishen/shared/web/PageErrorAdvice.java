package org.suishen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusals;
import org.suishen.shared.problem.Refused;

/**
 * A failure on a page that did not handle it itself shows a readable page with the message in the
 * person's language, the stable code and a way back, never a stack trace or the Whitelabel page.
 * The status and code are those the API would answer ({@link Refusals}). Access refusals go on to
 * Spring Security, which sends an anonymous person to the login page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

  private final RefusalResponses responses;

  PageErrorAdvice(RefusalResponses responses) {
    this.responses = responses;
  }

  @ExceptionHandler(Exception.class)
  ModelAndView refused(
      Exception e, Locale locale, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e;
    }
    Refused refusal = Refusals.of(e);
    ProblemDetailsAdvice.logged(refusal, e);
    if (RefusalResponses.wantsProblem(request, RefusalResponses.path(request))) {
      responses.writeProblem(request, response, refusal);
      return new ModelAndView();
    }
    return responses.page(refusal, locale, null, response);
  }
}
