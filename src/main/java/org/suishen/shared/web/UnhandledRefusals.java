package org.suishen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusals;
import org.suishen.shared.problem.Refused;

/**
 * Failures no controller advice saw: those before a handler was chosen (an unreadable multipart
 * body, a method or path nothing maps) and those of handlers that are not our controllers (static
 * resources). Runs right after the {@code @ExceptionHandler} resolution, in place of Spring's
 * default resolvers, so that these too get a code: problem+json under {@code /api/}, the error page
 * elsewhere. Access refusals are left to Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class UnhandledRefusals implements WebMvcConfigurer {

  private final RefusalResponses responses;

  UnhandledRefusals(RefusalResponses responses) {
    this.responses = responses;
  }

  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    int at = 0;
    for (int i = 0; i < resolvers.size(); i++) {
      if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
        at = i + 1;
      }
    }
    resolvers.add(at, new Resolver(responses));
  }

  static final class Resolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(UnhandledRefusals.class);

    private final RefusalResponses responses;

    Resolver(RefusalResponses responses) {
      this.responses = responses;
    }

    @Override
    public @Nullable ModelAndView resolveException(
        HttpServletRequest request,
        HttpServletResponse response,
        @Nullable Object handler,
        Exception e) {
      if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
        return null;
      }
      Refused refusal = Refusals.of(e);
      ProblemDetailsAdvice.logged(refusal, e);
      if (response.isCommitted()) {
        log.debug("Response already committed; cannot answer {}", refusal);
        return new ModelAndView();
      }
      if (!RefusalResponses.wantsProblem(request, RefusalResponses.path(request))) {
        return responses.page(refusal, RequestContextUtils.getLocale(request), null, response);
      }
      try {
        response.resetBuffer();
        responses.writeProblem(request, response, refusal);
      } catch (IOException io) {
        log.debug("Could not write the problem for {}", refusal, io);
      }
      return new ModelAndView();
    }
  }
}
