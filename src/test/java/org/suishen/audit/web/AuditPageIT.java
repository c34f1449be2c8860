package org.suishen.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.suishen.accounts.StaffClient;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.audit.internal.AuditSealer;
import org.suishen.audit.internal.ScheduledVerification;
import org.suishen.shared.security.Actor;
import org.suishen.support.BrowserTest;
import tools.jackson.databind.json.JsonMapper;

class AuditPageIT extends BrowserTest {

  @Autowired JsonMapper json;
  @Autowired AuditTrail trail;
  @Autowired AuditSealer sealer;
  @Autowired ScheduledVerification verification;

  @Test
  void anAuditorSearchesByPersonAndVerifiesTheChain() {
    String auditor = uniqueLogin("browser.auditor");
    new StaffClient(port, json).createStaff(auditor, "Auditor-Browser-1", "AUDITOR");
    UUID person = UUID.randomUUID();
    trail.record(
        new AuditEvent(
            Actor.staff("venue.clerk"), "venues.scan.read", person, "scan at gate 3", null));
    trail.record(
        new AuditEvent(
            Actor.staff("venue.clerk"), "status.person.read", person, "scan at gate 3", null));

    open("/staff/login");
    type(By.id("username"), auditor);
    type(By.id("password"), "Auditor-Browser-1");
    click(By.id("login-submit"));
    click(By.id("menu-audit"));

    // an empty search says what a search needs, and finds nothing
    click(By.id("audit-search-submit"));
    assertThat(textOf(By.id("audit-criteria-needed"))).contains("请至少填写一项查询条件");
    assertThat(browser.findElements(By.id("audit-results"))).isEmpty();

    type(By.id("subject"), person.toString());
    click(By.id("audit-search-submit"));
    String results = textOf(By.id("audit-results"));
    assertThat(results).contains("venues.scan.read", "staff:venue.clerk", "scan at gate 3");
    // words for people, keys beside them for auditors
    assertThat(textOf(By.cssSelector("#audit-results .audit-actor"))).isEqualTo("工作人员 venue.clerk");
    assertThat(browser.findElements(By.cssSelector("#audit-results .audit-action")))
        .extracting(e -> e.getText())
        .contains("查看人员健康状态", "venues.scan.read");

    type(By.id("subject"), "not-an-id");
    click(By.id("audit-search-submit"));
    assertThat(textOf(By.id("audit-error"))).contains("人员编号格式不正确");

    click(By.id("audit-verify"));
    assertThat(textOf(By.id("audit-report-status"))).contains("哈希链完整");
  }

  @Test
  void anAuditorSeesTheScheduledVerificationAndChecksAnAnchoredHead() {
    String auditor = uniqueLogin("browser.anchor");
    new StaffClient(port, json).createStaff(auditor, "Auditor-Browser-2", "AUDITOR");
    trail.record(
        new AuditEvent(
            Actor.staff("venue.clerk"), "venues.scan.read", UUID.randomUUID(), "r", null));
    sealer.seal(true);
    AnchoredHead head = verification.run(true).anchored();
    assertThat(head).isNotNull();

    open("/staff/login");
    type(By.id("username"), auditor);
    type(By.id("password"), "Auditor-Browser-2");
    click(By.id("login-submit"));
    click(By.id("menu-audit"));

    assertThat(textOf(By.id("audit-scheduled-status"))).contains("哈希链完整");
    assertThat(textOf(By.id("audit-anchor-line"))).isEqualTo(head.line());

    type(By.id("anchor-line"), head.line());
    click(By.id("audit-anchor-check-submit"));
    assertThat(waitForText(By.id("audit-anchor-result"), "与锚定的哈希值一致")).startsWith("链序号");

    type(By.id("anchor-line"), "not an anchor");
    click(By.id("audit-anchor-check-submit"));
    assertThat(waitForText(By.id("audit-anchor-error"), "锚定记录格式不正确"))
        .contains("audit.anchor.line-invalid");
  }
}
