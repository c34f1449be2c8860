package org.suishen.status.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suishen.status.internal.policy.KeyRegionArrivalPolicy;
import org.suishen.status.internal.policy.MedicalManagementPolicy;
import org.suishen.status.internal.policy.NoRecentTestPolicy;
import org.suishen.status.internal.policy.PendingRetestPolicy;
import org.suishen.status.internal.policy.PositiveTestPolicy;
import org.suishen.status.internal.policy.StatusEvaluator;
import org.suishen.status.internal.policy.SymptomsPolicy;

/** The rules, in order of precedence, with their configured figures. */
@Configuration(proxyBeanMethods = false)
class StatusEngineConfiguration {

  @Bean
  StatusEvaluator statusEvaluator(StatusProperties properties, Clock clock) {
    return new StatusEvaluator(
        List.of(
            new MedicalManagementPolicy(),
            new PositiveTestPolicy(),
            new PendingRetestPolicy(properties.pendingRetest().colour()),
            new KeyRegionArrivalPolicy(
                properties.keyRegionArrival().observationDays(), clock.getZone()),
            new NoRecentTestPolicy(
                properties.noRecentTest().enabled(), properties.noRecentTest().days()),
            new SymptomsPolicy(properties.symptoms().enabled())));
  }
}
