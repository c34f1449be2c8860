package org.suishen.citizen.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.suishen.citizen.CarrierRealNames;

/**
 * The carrier check's two built-in choices besides an adapter: {@code none} switches it off
 * explicitly; no value at all stops the start, naming the setting.
 */
@Configuration(proxyBeanMethods = false)
class CarrierSelection {

  static final String CARRIER = "suishen.citizen.identity.carrier";

  @Bean
  @ConditionalOnProperty(name = CARRIER, havingValue = "none")
  CarrierRealNames noCarrierCheck() {
    return (phone, document, name) -> CarrierRealNames.Answer.UNKNOWN;
  }

  @Bean
  @Conditional(Unset.class)
  CarrierRealNames carrierNotConfigured() {
    throw new IllegalStateException(
        "No carrier real-name check: set "
            + CARRIER
            + " (environment SUISHEN_IDENTITY_CARRIER) to the deployment's CarrierRealNames"
            + " adapter, or to none to register people without it; development is for the demo"
            + " and test profiles");
  }

  static class Unset implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty(CARRIER));
    }
  }
}
