package org.suishen.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.WebUtils;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusals;
import org.suishen.shared.problem.Refused;
import org.suishen.shared.problem.SuishenException;

/**
 * The outermost filter, ahead of Spring Security. It makes an unreadable form body a refusal
 * wherever it is first read (the CSRF filter looking for {@code _csrf}, the multipart resolver, a
 * controller): a broken multipart body (truncated, without or with the wrong boundary, not
 * multipart at all, a part without a name, no part) is 400 {@code request.multipart.malformed}, a
 * body over the container's limits 413 {@code request.too-large} or {@code
 * request.multipart.too-many-parts}. A failure that escapes the filters is answered through the
 * error dispatch ({@link ErrorPages}): problem+json for the API, the error page for pages. In the
 * error dispatch the body is not read again.
 */
class RefusalGuard extends OncePerRequestFilter {

  /** Request attribute: the guard has logged the failure it hands to the error dispatch. */
  static final String LOGGED = RefusalGuard.class.getName() + ".logged";

  /** Ahead of Spring Security's filter chain (-100), after character encoding. */
  static final int ORDER = -500;

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<RefusalGuard> refusalGuard() {
      var registration = new FilterRegistrationBean<>(new RefusalGuard());
      registration.setOrder(ORDER);
      registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      chain.doFilter(hasFormBody(request) ? new WithoutBody(request) : request, response);
      return;
    }
    HttpServletRequest guarded = hasFormBody(request) ? new GuardedBody(request) : request;
    try {
      chain.doFilter(guarded, response);
    } catch (RuntimeException e) {
      answer(request, response, e);
    } catch (ServletException e) {
      answer(
          request,
          response,
          e.getClass() == ServletException.class && e.getCause() != null ? e.getCause() : e);
    }
  }

  /** Hands a failure of a filter to the error dispatch, logged once, without a container trace. */
  private static void answer(HttpServletRequest request, HttpServletResponse response, Throwable e)
      throws IOException, ServletException {
    if (response.isCommitted()) {
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ServletException(e);
    }
    Refused refusal = Refusals.of(e);
    ProblemDetailsAdvice.logged(refusal, e);
    request.setAttribute(LOGGED, Boolean.TRUE);
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
    response.sendError(refusal.status().value());
  }

  private static boolean hasFormBody(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /** What the container's failure to read the body means for the client. */
  static SuishenException refusal(Throwable failure, boolean multipart) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SuishenException refused) {
        return refused;
      }
      String name = t.getClass().getSimpleName();
      if (name.equals("FileCountLimitExceededException")) {
        return new SuishenException(
            "request.multipart.too-many-parts", HttpStatus.CONTENT_TOO_LARGE);
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (name.endsWith("SizeLimitExceededException")
          || (message.contains("exceed")
              && (message.contains("size") || message.contains("length")))
          || message.contains("too big")
          || message.contains("too large")) {
        return new SuishenException("request.too-large", HttpStatus.CONTENT_TOO_LARGE);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return multipart
        ? Refusals.multipartMalformed()
        : SuishenException.badInput("request.malformed");
  }

  /**
   * The request as the container parsed it, with every failure to read the form body turned into a
   * {@link SuishenException}, and a multipart body checked for what the container lets through: at
   * least one part, and a name on every part (RFC 7578). A body someone else has already parsed
   * (MockMvc's) is left alone.
   */
  static final class GuardedBody extends HttpServletRequestWrapper {

    private final boolean multipart;
    private boolean checked;

    GuardedBody(HttpServletRequest request) {
      super(request);
      this.multipart =
          isMultipart(request)
              && WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null;
    }

    private void check() {
      if (!multipart || checked) {
        return;
      }
      Collection<Part> parts;
      try {
        parts = super.getParts();
      } catch (IOException | ServletException | RuntimeException e) {
        throw refusal(e, true);
      }
      if (parts.isEmpty()
          || parts.stream().anyMatch(p -> p.getName() == null || p.getName().isBlank())) {
        throw Refusals.multipartMalformed();
      }
      checked = true;
    }

    private <T> T read(java.util.function.Supplier<T> reading) {
      check();
      try {
        return reading.get();
      } catch (IllegalStateException e) {
        throw refusal(e, multipart);
      }
    }

    @Override
    public @Nullable String getParameter(String name) {
      return read(() -> super.getParameter(name));
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return read(super::getParameterMap);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return read(super::getParameterNames);
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      return read(() -> super.getParameterValues(name));
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
      check();
      return super.getParts();
    }

    @Override
    public @Nullable Part getPart(String name) throws IOException, ServletException {
      check();
      return super.getPart(name);
    }
  }

  /**
   * The request in the error dispatch: its body is not read again (it may be what failed), so
   * parameters come from the query string only and it is no longer a form.
   */
  static final class WithoutBody extends HttpServletRequestWrapper {

    private final MultiValueMap<String, String> query;

    WithoutBody(HttpServletRequest request) {
      super(request);
      String queryString = request.getQueryString();
      this.query = new LinkedMultiValueMap<>();
      if (queryString != null) {
        UriComponentsBuilder.newInstance()
            .query(queryString)
            .build()
            .getQueryParams()
            .forEach(
                (name, values) ->
                    values.forEach(
                        v ->
                            query.add(
                                UriUtils.decode(name, StandardCharsets.UTF_8),
                                v == null ? "" : UriUtils.decode(v, StandardCharsets.UTF_8))));
      }
    }

    @Override
    public @Nullable String getContentType() {
      return null;
    }

    @Override
    public @Nullable String getHeader(String name) {
      return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public @Nullable String getParameter(String name) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> map = new java.util.LinkedHashMap<>();
      query.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
      return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(query.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      List<String> values = query.get(name);
      return values == null ? null : values.toArray(String[]::new);
    }

    @Override
    public Collection<Part> getParts() {
      return List.of();
    }

    @Override
    public @Nullable Part getPart(String name) {
      return null;
    }
  }
}
