package org.suishen.healthcode;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test issuance rule: refuses the people a test names (stands in for the declaration context's
 * eligibility), allows everyone else.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RefusingIssuanceGate {

  static final Set<UUID> UNDECLARED = ConcurrentHashMap.newKeySet();

  @Bean
  CodeIssuanceGate testIssuanceGate() {
    return personId -> !UNDECLARED.contains(personId);
  }
}
