package org.suishen.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.suishen.shared.security.Role;

class StaffMenuTest {

  private static List<String> paths(Role... roles) {
    return StaffMenu.linksFor(List.of(roles)).stream().map(StaffMenu.Link::path).toList();
  }

  @Test
  void listsTheLinksOfEveryRoleHeldOnce() {
    assertThat(paths(Role.ADMINISTRATOR, Role.AUDITOR))
        .containsExactly("/admin/accounts", "/admin/register", "/audit");
    assertThat(paths(Role.SAMPLER, Role.VENUE_STAFF))
        .containsExactly("/sampling", "/sampling/site", "/scan", "/scan/offline-code", "/venue");
    assertThat(paths(Role.APPEAL_REVIEWER, Role.HEALTH_AUTHORITY))
        .containsExactly("/authority", "/authority/sampling", "/authority/traces", "/review");
    assertThat(paths(Role.LAB)).containsExactly("/lab");
    assertThat(paths(Role.VENUE_SENTINEL)).containsExactly("/sentinel", "/scan");
    assertThat(paths(Role.SELF_SERVICE_KIOSK, Role.BANK_KIOSK)).containsExactly("/kiosk");
  }

  @Test
  void showsNothingForARoleWithoutPages() {
    assertThat(paths(Role.CITIZEN)).isEmpty();
    // the metrics are JSON for a scraper, not a page
    assertThat(paths(Role.OPERATOR)).isEmpty();
  }
}
