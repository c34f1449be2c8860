package org.suishen.declaration.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Figures of the health declaration ({@code suishen.declaration.*}).
 *
 * @param temperatureMin lowest plausible body temperature accepted, °C
 * @param temperatureMax highest plausible body temperature accepted, °C
 * @param regionWindow how far back regions visited are declared (arrival not older than this)
 * @param maxRegionVisits most regions in one declaration
 * @param historyLimit most declarations returned by the history
 */
@ConfigurationProperties("suishen.declaration")
public record DeclarationProperties(
    @DefaultValue("34.0") BigDecimal temperatureMin,
    @DefaultValue("42.5") BigDecimal temperatureMax,
    @DefaultValue("14d") Duration regionWindow,
    @DefaultValue("20") int maxRegionVisits,
    @DefaultValue("50") int historyLimit) {

  public long regionWindowDays() {
    return regionWindow.toDays();
  }
}
