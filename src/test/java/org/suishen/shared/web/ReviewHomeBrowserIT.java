package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestStaffAccounts;

/**
 * A reviewer's journey from the staff start page: the menu's review button opens the reviewers'
 * home, which lists the queues with how many cases wait; every review page leads back to it, to the
 * staff start page, and logs out.
 */
class ReviewHomeBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private final UUID appeal = UUID.randomUUID();

  @AfterEach
  void removeTheAppeal() {
    jdbc.sql("DELETE FROM appeal WHERE id = ?").param(appeal).update();
  }

  private void logInAsReviewer() {
    open("/staff/login");
    type(By.id("username"), TestStaffAccounts.REVIEWER);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    waitForPath("/staff");
  }

  private void waitForPath(String path) {
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches("^" + url(path) + "(\\?.*)?$"));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void theReviewButtonOpensTheQueuesWithTheirCountsAndEveryReviewPageLeadsBack() {
    // one open appeal at least, so that the count shown is not a default
    jdbc.sql(
            "INSERT INTO appeal (id, person_id, kind, state, text, colour_at_filing, submitted_by,"
                + " submitted_at) VALUES (?, ?, 'WRONG_COLOUR', 'SUBMITTED', '测试', 'RED',"
                + " 'citizen:test', ?)")
        .params(appeal, UUID.randomUUID(), OffsetDateTime.now(clock))
        .update();
    long appeals = count("SELECT count(*) FROM appeal WHERE state IN ('SUBMITTED', 'IN_REVIEW')");
    long bindings = count("SELECT count(*) FROM dependant_binding WHERE state = 'PENDING'");
    assertThat(appeals).isPositive();

    logInAsReviewer();
    click(By.id("menu-review"));
    waitForPath("/review");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("审核工作台");
    assertThat(textOf(By.id("queue-appeals"))).contains("申诉审核", "待处理：" + appeals + " 件");
    assertThat(textOf(By.id("queue-dependants"))).contains("亲属绑定审核", "待处理：" + bindings + " 件");

    // the appeals queue, and back to the reviewers' home
    click(By.id("queue-appeals"));
    waitForPath("/review/appeals");
    assertThat(textOf(By.id("open-count"))).contains(Long.toString(appeals));
    // the header says where this is: staff start page › review › appeal review
    assertThat(textOf(By.id("shell-nav")).replaceAll("\\s+", " ")).isEqualTo("工作台 › 审核工作台 › 申诉审核");
    click(By.id("nav-back"));
    waitForPath("/review");

    // the dependants' queue, and back to the staff start page
    click(By.id("queue-dependants"));
    waitForPath("/review/dependants");
    assertThat(textOf(By.id("pending-count"))).contains(Long.toString(bindings));
    click(By.id("nav-home"));
    waitForPath("/staff");

    // the same in English
    open("/review?lang=en");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("Review");
    assertThat(textOf(By.id("queue-appeals"))).contains("Appeal review", "Waiting: " + appeals);
    assertThat(textOf(By.id("nav-home"))).isEqualTo("Staff start page");
    assertThat(textOf(By.id("nav-logout"))).isEqualTo("Log out");

    // log out from a review page: back at the staff log-in; the queue then asks for a log-in
    open("/review/appeals?lang=zh_CN");
    click(By.id("nav-logout"));
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/staff/login?logout"));
    open("/review/appeals");
    waitForPath("/staff/login");
  }
}
