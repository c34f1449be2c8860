package org.suishen.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;

/**
 * A refusal on a page that did not handle it itself shows a readable page with the message in the
 * person's language and the stable code, never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

  private final ErrorMessages messages;

  PageErrorAdvice(ErrorMessages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(SuishenException.class)
  String refused(SuishenException e, Locale locale, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    model.addAttribute("errorCode", e.code());
    model.addAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
    return "refused";
  }
}
