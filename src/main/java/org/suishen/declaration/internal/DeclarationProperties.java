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
 * @param feverFrom a declared temperature from this value on is a fever: the person is sent to a
 *     fever clinic (37.3 °C, the threshold of the city's entrance checks)
 */
@ConfigurationProperties("suishen.declaration")
public record DeclarationProperties(
    @DefaultValue("34.0") BigDecimal temperatureMin,
    @DefaultValue("42.5") BigDecimal temperatureMax,
    @DefaultValue("14d") Duration regionWindow,
    @DefaultValue("20") int maxRegionVisits,
    @DefaultValue("50") int historyLimit,
    @DefaultValue("37.3") BigDecimal feverFrom) {

  public long regionWindowDays() {
    return regionWindow.toDays();
  }
}
