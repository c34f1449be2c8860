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
}
