package org.suishen.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suishen.accounts.DeviceTokenAuthentication;
import org.suishen.accounts.DeviceTokenRefused;

/**
 * {@code Authorization: Bearer <device token>}: the request is the device's, for this request only
 * (no session); a token that does not authenticate is answered by the API's entry point (401
 * problem+json with the token's code) and goes no further. Other requests pass untouched.
 */
final class DeviceTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final DeviceTokenAuthentication tokens;
  private final AuthenticationEntryPoint entryPoint;

  DeviceTokenFilter(DeviceTokenAuthentication tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    try {
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(tokens.authenticate(header.substring(BEARER.length()).strip()));
      SecurityContextHolder.getContextHolderStrategy().setContext(context);
    } catch (DeviceTokenRefused refused) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, refused);
      return;
    }
    chain.doFilter(request, response);
  }
}
