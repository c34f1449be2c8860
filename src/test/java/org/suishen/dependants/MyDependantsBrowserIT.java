package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestCitizenSignIn;

@Import(TestCitizenSignIn.class)
class MyDependantsBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired Dependants dependants;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  @Test
  void aMotherBindsHerFiveYearOldOfTheSameHouseholdAndSeesTheChildBoundAtOnce() {
    String household = RegisterFixtures.household();
    var mother = register.resident("刘美玲", 32, household);
    var child = register.resident("刘子轩", 5, household);

    signIn(mother);
    assertThat(textOf(By.id("no-dependants"))).contains("还没有绑定亲属");

    type(By.id("documentNumber"), child.number());
    type(By.id("name"), child.name());
    click(By.id("bind-submit"));

    assertThat(textOf(By.id("done"))).contains("刘*轩").contains("已绑定");
    String row = textOf(By.id("dependant-" + child.id()));
    assertThat(row).contains("刘*轩", "已绑定", "5岁", "未成年人").doesNotContain("刘子轩");
    assertThat(browser.getPageSource()).doesNotContain(child.number());
    assertThat(dependants.isBound(mother.id(), child.id())).isTrue();
  }

  @Test
  void removingABindingAsksFirst() {
    String household = RegisterFixtures.household();
    var father = register.resident("高峰", 41, household);
    var child = register.resident("高小山", 9, household);
    signIn(father);
    type(By.id("documentNumber"), child.number());
    type(By.id("name"), child.name());
    click(By.id("bind-submit"));
    visible(By.id("done"));
    click(By.id("remove-" + child.id()));
    var question = browser.switchTo().alert();
    assertThat(question.getText()).contains("高*山");
    question.dismiss();
    assertThat(dependants.isBound(father.id(), child.id())).isTrue();

    click(By.id("remove-" + child.id()));
    browser.switchTo().alert().accept();
    assertThat(textOf(By.id("done"))).contains("已解除绑定");
    assertThat(textOf(By.id("no-dependants"))).contains("还没有绑定亲属");
    assertThat(dependants.isBound(father.id(), child.id())).isFalse();
  }

  @Test
  void aGrandsonUploadsAHouseholdPageAndSeesTheApplicationUnderReview() throws Exception {
    var grandson = register.resident("陆远", 27, RegisterFixtures.household());
    var grandmother = register.resident("陆桂芝", 79, RegisterFixtures.household());
    var page = Files.createTempFile("household", ".png");
    Files.write(page, DependantsApiIT.PNG);

    signIn(grandson);
    type(By.id("documentNumber"), grandmother.number());
    type(By.id("name"), grandmother.name());
    browser.findElement(By.id("evidence")).sendKeys(page.toString());
    click(By.id("bind-submit"));

    assertThat(textOf(By.id("done"))).contains("陆*芝").contains("审核");
    assertThat(textOf(By.id("dependant-" + grandmother.id()))).contains("陆*芝", "审核中", "老年人");
    assertThat(dependants.isBound(grandson.id(), grandmother.id())).isFalse();
  }

  private void signIn(Registered person) {
    open(TestCitizenSignIn.PATH + "?personId=" + person.id() + "&next=/me/dependants");
    visible(By.id("bind-form"));
  }
}
