package org.suishen.accounts.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.suishen.shared.security.Role;

/**
 * What a staff member or device may open, by role: the landing page lists the links for the roles
 * the account holds, each once, in this order. Only pages that exist are listed (the metrics are
 * JSON for a scraper, not a page), so that no link leads to a 404 or a JSON answer ({@code
 * StaffMenuBrowserIT} walks every role's menu).
 */
final class StaffMenu {

  /** A link on the landing page; {@code key} names its text in i18n/accounts. */
  record Link(String id, String path, String key) {}

  private static final Map<Role, List<Link>> LINKS = new LinkedHashMap<>();

  static {
    var accounts = new Link("menu-accounts", "/admin/accounts", "staff.menu.accounts");
    var register = new Link("menu-register", "/admin/register", "staff.menu.register");
    var audit = new Link("menu-audit", "/audit", "staff.menu.audit");
    var scan = new Link("menu-scan", "/scan", "staff.menu.scan");
    var review = new Link("menu-review", "/review", "staff.menu.review");
    var authority = new Link("menu-authority", "/authority", "staff.menu.authority");
    var sampling = new Link("menu-sampling", "/sampling", "staff.menu.sampling");
    var round = new Link("menu-round", "/authority/sampling", "staff.menu.round");
    var lab = new Link("menu-lab", "/lab", "staff.menu.lab");
    var site = new Link("menu-site", "/sampling/site", "staff.menu.site");
    var paper = new Link("menu-offline-check", "/scan/offline-code", "staff.menu.offline-check");
    var kiosk = new Link("menu-kiosk", "/kiosk", "staff.menu.kiosk");
    var sentinel = new Link("menu-sentinel", "/sentinel", "staff.menu.sentinel");
    var desk = new Link("menu-venue", "/venue", "staff.menu.venue");
    var traces = new Link("menu-traces", "/authority/traces", "staff.menu.traces");
    LINKS.put(Role.ADMINISTRATOR, List.of(accounts, register, audit));
    LINKS.put(Role.AUDITOR, List.of(audit));
    LINKS.put(Role.HEALTH_AUTHORITY, List.of(authority, round, traces));
    LINKS.put(Role.LAB, List.of(lab));
    LINKS.put(Role.APPEAL_REVIEWER, List.of(review));
    LINKS.put(Role.SAMPLER, List.of(sampling, site, scan, paper));
    LINKS.put(Role.VENUE_STAFF, List.of(desk, scan, paper));
    LINKS.put(Role.SAMPLING_TERMINAL, List.of(sampling, scan));
    LINKS.put(Role.VENUE_SENTINEL, List.of(sentinel, scan));
    LINKS.put(Role.SELF_SERVICE_KIOSK, List.of(kiosk));
    LINKS.put(Role.BANK_KIOSK, List.of(kiosk));
  }

  private StaffMenu() {}

  static List<Link> linksFor(Collection<Role> roles) {
    return LINKS.entrySet().stream()
        .filter(e -> roles.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream())
        .distinct()
        .toList();
  }
}
