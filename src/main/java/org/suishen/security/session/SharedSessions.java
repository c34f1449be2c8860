package org.suishen.security.session;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every citizen and staff session lives in PostgreSQL (Spring Session JDBC, tables {@code
 * spring_session*} made by Flyway), so that any node of the city serves any request and a node can
 * stop without logging anyone out. Boot's session filter is given the sessions through {@link
 * LastAccessThrottle}: a session is written when it changed or once per {@code
 * suishen.sessions.last-access-interval} (5 minutes), not on every request.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

  static final String FILTER = "springSessionRepositoryFilter";

  /**
   * The session's statements without a transaction of their own: a request's read of its session is
   * one indexed SELECT instead of BEGIN, SELECT, COMMIT and the connection's switches (three round
   * trips more behind every request). The writes (a new session and its attributes, a changed
   * attribute) are then one autocommit statement each; the session is saved before its response is
   * sent, so the next request of the same browser sees all of it, and a node that dies between two
   * of them leaves at worst a session without its sign-in (the person logs in again).
   */
  @Bean
  TransactionOperations springSessionTransactionOperations() {
    return TransactionOperations.withoutTransaction();
  }

  /**
   * The application's own transactions, as Spring Boot would make them: its auto-configured
   * template stands back once any {@link TransactionOperations} bean exists (the one above).
   */
  @Bean
  @Primary
  TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
    return new TransactionTemplate(transactions);
  }

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
        var filter = new SessionRepositoryFilter<>(throttle);
        var resolver = new CookieHttpSessionIdResolver();
        cookies.ifAvailable(resolver::setCookieSerializer);
        filter.setHttpSessionIdResolver(resolver);
        return filter;
      }
    };
  }
}
