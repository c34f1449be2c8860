package org.suishen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestStaffAccounts;

/**
 * Where a log-in lands after the browser was sent to log in from another page: staff always on the
 * staff start page (never on a citizen page they cannot see), citizens on the citizen page they had
 * opened, and on the citizen home when that page was a staff page.
 */
class LogInLandingBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private void waitForUrl(String path) {
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(url(path)));
  }

  @Test
  void aStaffMemberWhoHadOpenedACitizenPageLandsOnTheStaffStartPage() {
    open("/me/code");
    waitForUrl("/login");
    open("/staff/login");
    type(By.id("username"), TestStaffAccounts.REVIEWER);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    waitForUrl("/staff");
    assertThat(textOf(By.id("staff-welcome"))).contains(TestStaffAccounts.REVIEWER);
  }

  @Test
  void aCitizenLandsOnTheCitizenPageTheyHadOpened() {
    String phone = registeredCitizen();
    open("/me/status");
    waitForUrl("/login");
    logInAsCitizen(phone);
    waitForUrl("/me/status");
  }

  @Test
  void aCitizenWhoHadOpenedAStaffPageLandsOnTheCitizenHome() {
    String phone = registeredCitizen();
    open("/review/appeals");
    waitForUrl("/staff/login");
    open("/login");
    logInAsCitizen(phone);
    waitForUrl("/me");
  }

  /** A citizen account bound to a person in the register; returns its phone. */
  private String registeredCitizen() {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    UUID person = UUID.randomUUID();
    String number =
        "3101011990" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "X";
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at) VALUES (?, 'RESIDENT_ID', ?, '陆小路',"
                + " '陆小路', 'M', ?, ?, ?)")
        .params(person, number, LocalDate.of(1990, 1, 1), now, now)
        .update();
    jdbc.sql(
            "INSERT INTO citizen_account (id, phone, person_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), phone, person, now, now)
        .update();
    return phone;
  }
}
