package org.suishen.audit.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.suishen.audit.AuditAnchor;

/**
 * Without {@code suishen.audit.anchor.adapter} the start refuses, naming the setting: where the
 * verified head is kept outside the database is a decision of each deployment (docs/audit.md), not
 * a default file on the database's own machine.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(UnsetAuditAnchor.Unset.class)
class UnsetAuditAnchor {

  static final String ADAPTER = "suishen.audit.anchor.adapter";

  @Bean
  AuditAnchor auditAnchorNotConfigured() {
    throw new IllegalStateException(
        "No audit anchor: set "
            + ADAPTER
            + " (environment SUISHEN_AUDIT_ANCHOR) to file (with suishen.audit.anchor.file on"
            + " storage the database operators cannot rewrite), log, or the name of the"
            + " deployment's own AuditAnchor adapter");
  }

  static class Unset implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty(ADAPTER));
    }
  }
}
