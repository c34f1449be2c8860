package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
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
    // the relationship must be chosen: the browser does not send the form without it
    click(By.id("bind-submit"));
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return document.getElementById('relationship').validity.valueMissing"))
        .isTrue();
    assertThat(browser.findElements(By.id("done"))).isEmpty();
    var relationship = new Select(visible(By.id("relationship")));
    assertThat(relationship.getFirstSelectedOption().getText()).isEqualTo("请选择关系");
    assertThat(relationship.getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择关系", "子女", "孙子女/外孙子女", "父母", "祖父母/外祖父母", "配偶", "其他被监护人");
    relationship.selectByVisibleText("子女");
    click(By.id("bind-submit"));

    assertThat(textOf(By.id("done"))).contains("刘*轩").contains("已绑定");
    String row = textOf(By.id("dependant-" + child.id()));
    assertThat(row).contains("刘*轩", "已绑定", "5岁", "未成年人").doesNotContain("刘子轩");
    assertThat(textOf(By.id("dependant-who-" + child.id()))).isEqualTo("刘*轩 · 子女 · 5岁");
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
    new Select(visible(By.id("relationship"))).selectByValue("CHILD");
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
    new Select(visible(By.id("relationship"))).selectByValue("GRANDPARENT");
    browser.findElement(By.id("evidence")).sendKeys(page.toString());
    click(By.id("bind-submit"));

    assertThat(textOf(By.id("done"))).contains("陆*芝").contains("审核");
    assertThat(textOf(By.id("dependant-" + grandmother.id()))).contains("陆*芝", "审核中", "老年人");
    assertThat(textOf(By.id("dependant-who-" + grandmother.id())))
        .isEqualTo("陆*芝 · 祖父母/外祖父母 · 79岁");

    // in English too
    open("/me/dependants?lang=en");
    assertThat(textOf(By.id("dependant-who-" + grandmother.id())))
        .isEqualTo("陆*芝 · Grandparent · 79 years");
    assertThat(new Select(visible(By.id("relationship"))).getOptions())
        .extracting(WebElement::getText)
        .contains("Choose the relationship", "Child", "Grandparent", "Other ward");
    assertThat(dependants.isBound(grandson.id(), grandmother.id())).isFalse();
  }

  private void signIn(Registered person) {
    open(TestCitizenSignIn.PATH + "?personId=" + person.id() + "&next=/me/dependants");
    visible(By.id("bind-form"));
  }
}
