package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class HomePageIT extends BrowserTest {

  @Test
  void showsTheLandingPageInChineseAndSwitchesToEnglish() {
    open("/");
    assertThat(textOf(By.id("citizen-login"))).contains("市民登录");
    click(By.id("lang-en"));
    assertThat(textOf(By.id("citizen-login"))).contains("Citizen log in");
  }

  /**
   * The log-in page links the privacy notice and the hotline; the notice reads without a log-in.
   */
  @Test
  void theLogInPageLinksThePrivacyNoticeAndTheHotline() {
    open("/login?lang=zh_CN");
    assertThat(textOf(By.id("hotline"))).isEqualTo("咨询热线 12345");
    assertThat(browser.findElement(By.id("hotline")).getAttribute("href")).isEqualTo("tel:12345");
    click(By.id("privacy-link"));
    assertThat(textOf(By.tagName("h1"))).isEqualTo("隐私说明");
    assertThat(textOf(By.id("privacy-use"))).contains("二维码中不含姓名");
    assertThat(textOf(By.id("privacy-rights"))).contains("12345");
    click(By.id("lang-en"));
    assertThat(textOf(By.tagName("h1"))).isEqualTo("Privacy notice");
    assertThat(textOf(By.id("privacy-retention"))).contains("180 days");
    // every page's footer leads there too
    open("/");
    assertThat(browser.findElement(By.id("footer-privacy")).getAttribute("href"))
        .endsWith("/privacy");
  }
}
