package org.suishen.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark city (bench/city) at a small size, on its own throw-away database: every part is
 * there in the shares the benchmarks rely on.
 */
class CityBenchmarkIT {

  @Test
  void buildsAWholeCityThroughItsImportPaths() throws Exception {
    // the feeds in files of 200 rows, as a large city's go in files of the feed's limit
    System.setProperty("bench.city.feed-rows", "200");
    // the database's counters unread before a part ends: no second's wait at every part
    System.setProperty("bench.city.statistics-pause-ms", "0");
    var city = CityBenchmark.build(6_000, 7);

    assertThat(city.get("people")).isEqualTo(6_000);
    assertThat(city.get("households")).isBetween(1_500L, 4_000L);
    assertThat(city.get("health declarations")).isEqualTo(6_000);
    assertThat(city.get("yellow")).isBetween(450L, 750L);
    assertThat(city.get("red")).isBetween(20L, 110L);
    assertThat(city.get("dependants bound")).isBetween(600L, 3_000L);
    assertThat(city.get("holders")).isPositive().isLessThan(city.get("dependants bound"));
    assertThat(city.get("bindings outside the holder's household (none)")).isZero();
    assertThat(city.get("NAT codes")).isEqualTo(city.get("dependants bound"));
    assertThat(city.get("dependants of 70 or more")).isPositive();
    assertThat(city.get("offline codes")).isEqualTo(city.get("dependants of 70 or more"));
    assertThat(city.get("venues")).isEqualTo(6);
    assertThat(city.get("sampling sites")).isEqualTo(1);
    // each code issued is audited, as in production
    assertThat(city.get("audit entries"))
        .isGreaterThanOrEqualTo(city.get("NAT codes") + city.get("offline codes"));
  }
}
