package org.suishen.appeals.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The appeals policies, with their figures from {@link AppealsProperties}. */
@Configuration(proxyBeanMethods = false)
class AppealsConfiguration {

  @Bean
  PersonNamePolicy personNamePolicy(AppealsProperties properties) {
    return new PersonNamePolicy(properties.nameMaxLength());
  }

  @Bean
  EvidencePolicy evidencePolicy(AppealsProperties properties) {
    return new EvidencePolicy(properties.maxFiles(), properties.maxFileSize().toBytes());
  }

  @Bean
  EvidenceRetention appealEvidenceRetention(AppealsProperties properties) {
    return new EvidenceRetention(properties.evidenceRetention().keepFor());
  }

  @Bean
  FilingPolicy filingPolicy(
      AppealsProperties properties, PersonNamePolicy names, EvidencePolicy evidence) {
    return new FilingPolicy(properties.textMaxLength(), names, evidence);
  }

  @Bean
  DecisionPolicy decisionPolicy(AppealsProperties properties, PersonNamePolicy names) {
    return new DecisionPolicy(properties.textMaxLength(), names);
  }

  @Bean
  ConsultationPolicy consultationPolicy(AppealsProperties properties) {
    return new ConsultationPolicy(properties.textMaxLength(), properties.departmentMaxLength());
  }
}
