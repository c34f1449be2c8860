package org.suishen.datatracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.shared.security.Actor;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/** What a person sees on 谁查看了我的数据, in both languages. */
@HealthCodeIntegrationTest
class DataTrackerBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;
  @Autowired AuditTrail audit;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, null, json);
  }

  @Test
  void aPersonSeesWhoReadWhatAndWhyInTheirLanguage() {
    var person = fixtures.resident("孙志强", 52, null);
    audit.record(
        new AuditEvent(
            Actor.staff(TestStaffAccounts.AUTHORITY),
            "status.person.read",
            person.id(),
            "health authority saw the person of a pending manual change",
            "change=1"));

    open("/login/test-support/citizen?person=" + person.id());
    open("/me/data-reads");
    assertThat(textOf(By.id("data-reads-title"))).isEqualTo("谁查看了我的数据");
    String line = textOf(By.cssSelector("#data-reads .data-read"));
    assertThat(line)
        .contains("卫生健康部门")
        .contains("查看了健康状态")
        .contains("事由：health authority saw the person of a pending manual change")
        .contains("记录编号")
        .doesNotContain(TestStaffAccounts.AUTHORITY);
    assertThat(browser.findElements(By.id("older"))).isEmpty();

    open("/me/data-reads?lang=en");
    assertThat(textOf(By.id("data-reads-title"))).isEqualTo("Who looked at my data");
    assertThat(textOf(By.cssSelector("#data-reads .data-read")))
        .contains("Health authority")
        .contains("looked at the health status")
        .contains("Reference");
    click(By.id("back"));
    assertThat(browser.getCurrentUrl()).endsWith("/me");
  }

  @Test
  void aPersonNobodyLookedAtIsToldSo() {
    var person = fixtures.resident("钱秀英", 66, null);
    open("/login/test-support/citizen?person=" + person.id());
    open("/me/data-reads");
    assertThat(textOf(By.id("no-reads"))).isEqualTo("还没有工作人员或设备查看过您的信息。");
  }
}
