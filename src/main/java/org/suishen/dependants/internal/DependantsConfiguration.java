package org.suishen.dependants.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dependants' policies, built from their configured figures. */
@Configuration(proxyBeanMethods = false)
class DependantsConfiguration {

  @Bean
  DependantEligibility dependantEligibility(DependantsProperties properties) {
    return new DependantEligibility(properties.minorAgeLimit(), properties.elderlyAge());
  }

  @Bean
  BindingAttemptLimit bindingAttemptLimit(DependantsProperties properties) {
    return new BindingAttemptLimit(
        properties.bindingAttempts().limit(), properties.bindingAttempts().window());
  }

  @Bean
  ComingOfAge comingOfAge(DependantEligibility eligibility, DependantsProperties properties) {
    return new ComingOfAge(eligibility, properties.minorAgeLimit());
  }

  @Bean
  EvidenceRetention dependantEvidenceRetention(DependantsProperties properties) {
    var rule = properties.evidenceRetention();
    return new EvidenceRetention(rule.approved(), rule.rejected(), rule.removed());
  }

  @Bean
  EvidencePolicy dependantEvidencePolicy(DependantsProperties properties) {
    return new EvidencePolicy(properties.evidenceMaxSize());
  }
}
