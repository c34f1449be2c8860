package org.suishen.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.suishen.accounts.DeviceTokenAuthentication;
import org.suishen.accounts.DeviceTokenRefused;
import org.suishen.accounts.LoginLocked;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusals;
import tools.jackson.databind.json.JsonMapper;

/**
 * Path conventions: {@code /api/**} is the JSON API (problem+json on refusal), everything else
 * pages. Citizens: {@code /me/**}, {@code /api/me/**}. Staff pages sit under their role's prefix
 * and redirect to {@code /staff/login}; citizen pages redirect to {@code /login}. Which role
 * reaches which path is {@link AccessRules}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ProblemDetailsAdvice problems,
      JsonMapper json,
      LocaleResolver locales,
      DeviceTokenAuthentication deviceTokens)
      throws Exception {
    // the JSON API, and the actuator (a scraper gets 401/403 problem+json, not the log-in page)
    RequestMatcher api =
        request -> {
          String path = request.getRequestURI().substring(request.getContextPath().length());
          return path.startsWith("/api/")
              || path.equals("/actuator")
              || path.startsWith("/actuator/");
        };
    RequestMatcher basicAuth =
        request -> {
          String header = request.getHeader("Authorization");
          return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
    RequestMatcher bearerAuth =
        request -> {
          String header = request.getHeader("Authorization");
          return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
    RequestMatcher errorDispatch = request -> request.getDispatcherType() == DispatcherType.ERROR;
    RequestMatcher staffPages =
        request -> {
          String path = request.getRequestURI().substring(request.getContextPath().length());
          return Arrays.stream(
                  new String[] {
                    "/staff", "/admin", "/authority", "/review", "/scan", "/audit", "/sampling"
                  })
              .anyMatch(path::startsWith);
        };
    AuthenticationEntryPoint apiEntryPoint =
        (request, response, e) -> {
          if (e instanceof LoginLocked locked) {
            // too many failed logins (accounts): 429 with the time the lock ends
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
            writeProblem(
                problems,
                json,
                locales,
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                locked.code(),
                locked.arguments());
            return;
          }
          if (e instanceof DeviceTokenRefused refused) {
            // a device token that does not authenticate: the terminal fetches a new one (401), or
            // waits while this node cannot check revocations (503)
            boolean unchecked = DeviceTokenRefused.UNCHECKED.equals(refused.code());
            if (unchecked) {
              response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            }
            writeProblem(
                problems,
                json,
                locales,
                request,
                response,
                unchecked ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED,
                refused.code(),
                new Object[0]);
            return;
          }
          writeProblem(
              problems,
              json,
              locales,
              request,
              response,
              HttpStatus.UNAUTHORIZED,
              "auth.required",
              new Object[0]);
        };

    http.authorizeHttpRequests(
            auth -> {
              for (AccessRule rule : AccessRules.RULES) {
                var paths = auth.requestMatchers(rule.patterns().toArray(String[]::new));
                if (rule.open()) {
                  paths.permitAll();
                } else {
                  paths.hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
                }
              }
              auth.anyRequest().authenticated();
            })
        .formLogin(
            form ->
                form.loginPage("/staff/login")
                    .loginProcessingUrl("/staff/login")
                    // always the staff home: a page opened before (perhaps a citizen's) is not
                    // the staff member's to land on
                    .defaultSuccessUrl("/staff", true)
                    .failureUrl("/staff/login?error")
                    .permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
        // terminals: a device token on every request, checked without the database
        .addFilterBefore(
            new DeviceTokenFilter(deviceTokens, apiEntryPoint), BasicAuthenticationFilter.class)
        // staff log out to the staff log-in (where they come back), citizens to the home page
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .logoutSuccessHandler(
                        (request, response, authentication) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + (staff(authentication) ? "/staff/login?logout" : "/"))))
        // pages send the token from the XSRF-TOKEN cookie; API clients with Basic credentials or a
        // device token are not browsers riding on an ambient session; the error dispatch only
        // renders the refusal of a request that was checked already (or whose body could not be
        // read)
        .csrf(csrf -> csrf.spa().ignoringRequestMatchers(basicAuth, bearerAuth, errorDispatch))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/staff/login"), staffPages)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    // a missing or wrong CSRF token is auth.csrf ("open the page again"), anything
                    // else auth.forbidden; pages get the error page through the error dispatch
                    .defaultAccessDeniedHandlerFor(
                        (request, response, e) ->
                            writeProblem(
                                problems,
                                json,
                                locales,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                Refusals.of(e).code(),
                                new Object[0]),
                        api)
                    .defaultAccessDeniedHandlerFor(
                        (request, response, e) -> {
                          // the error page (shared.web.ErrorPages) tells the refusal by it
                          request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
                          response.sendError(HttpStatus.FORBIDDEN.value());
                        },
                        request -> true))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'")));
    return http.build();
  }

  private static void writeProblem(
      ProblemDetailsAdvice problems,
      JsonMapper json,
      LocaleResolver locales,
      jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      Object[] arguments)
      throws java.io.IOException {
    // the security filters run before the dispatcher has set up the locale: ask the resolver
    Locale locale = locales.resolveLocale(request);
    var problem = problems.problem(status, code, arguments, locale).getBody();
    response.setStatus(status.value());
    response.setContentType("application/problem+json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Whether the one logging out is a staff member (any staff role). */
  private static boolean staff(
      org.springframework.security.core.@org.jspecify.annotations.Nullable Authentication
          authentication) {
    if (authentication == null) {
      return false;
    }
    return authentication.getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority)
        .filter(a -> a != null && a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .anyMatch(
            name ->
                java.util.Arrays.stream(org.suishen.shared.security.Role.values())
                    .anyMatch(
                        r ->
                            r.name().equals(name)
                                && r.kind() == org.suishen.shared.security.Role.Kind.STAFF));
  }
}
