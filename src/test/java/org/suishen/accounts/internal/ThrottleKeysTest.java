package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleKeysTest {

  @Test
  void ipv4IsCountedAsIsAndIpv6PerSlash64() {
    assertThat(ThrottleKeys.network("203.0.113.7")).contains("203.0.113.7");
    assertThat(ThrottleKeys.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .contains("2001:db8:1:2:0:0:0:0/64");
    assertThat(ThrottleKeys.network("[2001:db8:1:2::1]")).contains("2001:db8:1:2:0:0:0:0/64");
    // an administrator may paste the /64 form shown in the list of locks
    assertThat(ThrottleKeys.network("2001:db8:1:2:0:0:0:0/64")).contains("2001:db8:1:2:0:0:0:0/64");
  }

  @Test
  void anythingButAnAddressLiteralIsNotAnAddress() {
    assertThat(ThrottleKeys.network("")).isEmpty();
    assertThat(ThrottleKeys.network("example.org")).isEmpty();
    assertThat(ThrottleKeys.network("203.0.113.7; DROP")).isEmpty();
  }

  @Test
  void theAuditSeesMaskedNetworksOnly() {
    assertThat(ThrottleKeys.masked("203.0.113.7")).isEqualTo("203.0.113.0/24");
    assertThat(ThrottleKeys.masked("2001:db8:1:2:0:0:0:0/64")).isEqualTo("2001:db8:1::/48");
  }

  @Test
  void loginKeysAreNormalisedHashesThatHideTheName() {
    assertThat(ThrottleKeys.login(" Wang.Li ")).isEqualTo(ThrottleKeys.login("wang.li"));
    assertThat(ThrottleKeys.login("wang.li")).hasSize(64).doesNotContain("wang");
    assertThat(ThrottleKeys.login("wang.li")).isNotEqualTo(ThrottleKeys.address("wang.li"));
  }
}
