package org.suishen.support;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * MockMvc tests hand their session in as a {@code MockHttpSession}; Spring Session's filter would
 * ignore it (spring-session#2037) and look for its cookie instead. A request that already holds a
 * servlet session keeps it; every other request (every one over HTTP, from the browser tests and
 * the MockMvc tests without a session) goes through the sessions in PostgreSQL as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  static BeanPostProcessor mockMvcSessionsKept() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!"springSessionRepositoryFilter".equals(name) || !(bean instanceof Filter shared)) {
          return bean;
        }
        return new Filter() {
          @Override
          public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
              throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && http.getSession(false) != null) {
              chain.doFilter(request, response);
            } else {
              shared.doFilter(request, response, chain);
            }
          }
        };
      }
    };
  }
}
