package org.suishen.security.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Every citizen and staff session lives in PostgreSQL (Spring Session JDBC, tables {@code
 * spring_session*} made by Flyway), so that any node of the city serves any request and a node can
 * stop without logging anyone out. Boot's session filter is given the sessions through {@link
 * LastAccessThrottle}: a session is written when it changed or once per {@code
 * suishen.sessions.last-access-interval} (5 minutes), not on every request; and a session is read
 * once per request, not again when Spring Session commits it a second time.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

  static final String FILTER = "springSessionRepositoryFilter";

  @Bean
  static BeanPostProcessor throttledSessionFilter(
      ObjectProvider<JdbcIndexedSessionRepository> sessions,
      ObjectProvider<CookieSerializer> cookies,
      Environment environment) {
    return new BeanPostProcessor() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!FILTER.equals(name) || !(bean instanceof SessionRepositoryFilter<?>)) {
          return bean;
        }
        Duration interval =
            environment.getProperty(
                "suishen.sessions.last-access-interval", Duration.class, Duration.ofMinutes(5));
        var throttle =
            new LastAccessThrottle(
                (FindByIndexNameSessionRepository<Session>)
                    (FindByIndexNameSessionRepository) sessions.getObject(),
                interval);
        var filter =
            new SessionRepositoryFilter<>(throttle) {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                throttle.duringRequest(() -> super.doFilterInternal(request, response, chain));
              }
            };
        var resolver = new CookieHttpSessionIdResolver();
        cookies.ifAvailable(resolver::setCookieSerializer);
        filter.setHttpSessionIdResolver(resolver);
        return filter;
      }
    };
  }
}
