package org.suishen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping, made cheap for paths with variables. A path without variables is
 * found in a map; one with variables ({@code /api/sampling/tubes/{barcode}/registrations}, the
 * hottest write of a testing round) is checked against every mapping of the application, each check
 * reading the method and headers through a dozen request wrappers of the security chain. Here a
 * mapping whose patterns all begin with a literal the path does not begin with is passed over at
 * once (it cannot match: patterns are matched literally, case-sensitively, up to their first
 * variable or wildcard), and the method is read once per request. Same answers, fewer checks;
 * measured by {@code bench/sampling-http} (docs/sampling.md).
 */
@Configuration(proxyBeanMethods = false)
class LiteralPrefixHandlerMapping {

  @Bean
  WebMvcRegistrations literalPrefixRegistrations() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
      }
    };
  }

  static final class Mapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = new String[0];

    /**
     * Each mapping's literal beginnings ({@link #ANY} when one of its patterns has none), by
     * identity: computed once all mappings are registered, read without locks afterwards.
     */
    private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();

    @Override
    public void afterPropertiesSet() {
      super.afterPropertiesSet();
      var computed = new IdentityHashMap<RequestMappingInfo, String[]>();
      getHandlerMethods().keySet().forEach(info -> computed.put(info, literals(info)));
      prefixes = computed;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(
        String lookupPath, HttpServletRequest request) throws Exception {
      return super.lookupHandlerMethod(lookupPath, new Lookup(request, lookupPath));
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(
        RequestMappingInfo info, HttpServletRequest request) {
      if (request instanceof Lookup lookup && !couldMatch(info, lookup.path)) {
        return null;
      }
      return super.getMatchingMapping(info, request);
    }

    private boolean couldMatch(RequestMappingInfo info, String path) {
      String[] literals = prefixes.get(info);
      if (literals == null) {
        // registered at run time: not cached
        literals = literals(info);
      }
      if (literals == ANY) {
        return true;
      }
      for (String literal : literals) {
        if (path.startsWith(literal)) {
          return true;
        }
      }
      return false;
    }

    static String[] literals(RequestMappingInfo info) {
      if (info.getPathPatternsCondition() == null) {
        return ANY;
      }
      var patterns = info.getPatternValues();
      if (patterns.isEmpty()) {
        return ANY;
      }
      String[] literals = new String[patterns.size()];
      int i = 0;
      for (String pattern : patterns) {
        int end = pattern.length();
        for (int k = 0; k < pattern.length(); k++) {
          char c = pattern.charAt(k);
          if (c == '{' || c == '*' || c == '?') {
            end = k;
            break;
          }
        }
        if (end == 0) {
          return ANY;
        }
        literals[i++] = pattern.substring(0, end);
      }
      return literals;
    }
  }

  /** The request as the mapping sees it: its path, and its method read once. */
  static final class Lookup extends HttpServletRequestWrapper {

    final String path;
    private final String method;

    Lookup(HttpServletRequest request, String path) {
      super(request);
      this.path = path;
      this.method = request.getMethod();
    }

    @Override
    public String getMethod() {
      return method;
    }
  }
}
