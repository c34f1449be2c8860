package org.suishen.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;
import org.suishen.support.BrowserTest;

/** An administrator uploads a register file on /admin/register and watches it being imported. */
class RegisterImportPageIT extends BrowserTest {

  @Test
  void anAdministratorUploadsAFileSeesTheProgressAndTheRefusedRows() throws Exception {
    LocalDate born = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    String id =
        ResidentIdNumbers.generate(
            "310110", born, ThreadLocalRandom.current().nextInt(500), Sex.FEMALE);
    Path file = Files.createTempFile("register-page", ".csv");
    Files.writeString(
        file,
        RegisterImports.HEADER
            + "\nRESIDENT_ID,"
            + id
            + ",张秀英,F,"
            + born
            + ",,杨浦区,,false\nRESIDENT_ID,123,李四,M,1990-01-01,,,,false\n");

    open("/css/suishen.css");
    browser.manage().addCookie(new Cookie("SESSION", staffSession()));
    open("/admin/register");
    browser.findElement(By.id("register-file")).sendKeys(file.toString());
    click(By.id("register-upload"));

    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            b ->
                b.getCurrentUrl().contains("job=")
                    && !b.findElements(By.id("register-rejections")).isEmpty());
    assertThat(textOf(By.id("register-progress-text"))).isEqualTo("导入完成");
    assertThat(textOf(By.id("register-counts")))
        .contains("已读 2 行")
        .contains("未导入 1 行")
        .contains("新增 1 人");
    assertThat(textOf(By.id("register-rejections")))
        .contains("3")
        .contains("证件号码格式不正确")
        .contains("identity.document.format");
    assertThat(browser.findElement(By.id("register-rejections-link")).getAttribute("href"))
        .contains("/api/admin/register/imports/")
        .endsWith("/rejections");
    Files.delete(file);
  }

  /** Logs the administrator in with the staff login form and answers the session cookie. */
  private String staffSession() throws Exception {
    var cookies = new java.net.CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(
        HttpRequest.newBuilder(URI.create(url("/"))).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    var login =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/staff/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=test.admin&password=Test-Admin-Passw0rd"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow();
  }
}
