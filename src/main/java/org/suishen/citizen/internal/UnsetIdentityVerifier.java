package org.suishen.citizen.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.suishen.citizen.IdentityVerifier;

/**
 * Without {@code suishen.citizen.identity.verifier} the start refuses, naming the setting: there is
 * no default identity check, so that a production start that forgets it never registers people by a
 * check that only proves knowledge of a name and a document number ({@link
 * RegisterIdentityVerifier}, development only).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(UnsetIdentityVerifier.Unset.class)
class UnsetIdentityVerifier {

  static final String VERIFIER = "suishen.citizen.identity.verifier";

  @Bean
  IdentityVerifier identityVerifierNotConfigured() {
    throw new IllegalStateException(
        "No identity verifier: set "
            + VERIFIER
            + " (environment SUISHEN_IDENTITY_VERIFIER) to the name of the deployment's"
            + " IdentityVerifier adapter; register (the population register only) is for"
            + " development (the demo and test profiles set it)");
  }

  static class Unset implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty(VERIFIER));
    }
  }
}
