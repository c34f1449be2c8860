package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.shared.masking.Masking;
import org.suishen.support.BrowserTest;

/**
 * Two officers change a colour on the authority's page without knowing any internal id: the first
 * finds the person by document number with a stated reason, chooses the masked match and proposes;
 * the card shows the masked person with their colour now and offers her no 批准; the second officer
 * approves.
 */
@HealthCodeIntegrationTest
class AuthorityManualChangeBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired HealthStatuses statuses;

  @Test
  void anOfficerFindsThePersonByDocumentAndASecondOfficerApproves() {
    var person = StatusTestSupport.person(jdbc);
    open("/login/test-support/staff?user=officer-a&role=HEALTH_AUTHORITY");
    open("/authority");

    // proposing before choosing anyone is explained on the page, the form kept
    type(By.id("m-evidence"), "抵沪记录有误，经机场核实未曾乘机");
    click(By.id("m-propose"));
    assertThat(textOf(By.id("manual-error"))).contains("请先按证件号码查找并选择人员");

    new Select(visible(By.id("s-type"))).selectByValue("FOREIGN_PASSPORT");
    type(By.id("s-number"), person.documentNumber());
    type(By.id("s-reason"), "核实抵沪记录");
    click(By.id("s-submit"));
    click(By.cssSelector("#s-results .s-choose"));
    String chosen = textOf(By.id("m-person-chosen"));
    assertThat(chosen).contains("**").doesNotContain(person.documentNumber());

    new Select(visible(By.id("m-colour"))).selectByValue("YELLOW");
    type(By.id("m-evidence"), "抵沪记录有误，经机场核实未曾乘机");
    click(By.id("m-propose"));

    // other tests' pending changes may stand on the page too: the one of this person
    String masked = Masking.documentNumber(person.documentNumber());
    String cardPath =
        "//div[contains(@class,'pending-change')][.//span[@class='pending-document' and"
            + " text()='"
            + masked
            + "']]";
    var card = By.xpath(cardPath);
    assertThat(textOf(card))
        .contains("绿码")
        .contains("黄码")
        .contains("您提出的变更须由另一名工作人员批准")
        .doesNotContain(person.documentNumber())
        .doesNotContain(person.id().toString());
    assertThat(browser.findElements(By.xpath(cardPath + "//*[contains(@class,'approve')]")))
        .isEmpty();

    open("/login/test-support/staff?user=officer-b&role=HEALTH_AUTHORITY");
    open("/authority");
    String cardId = visible(card).getAttribute("id");
    click(By.cssSelector("#" + cardId + " .approve"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.id(cardId)).isEmpty());
    assertThat(statuses.current(person.id()).colour()).isEqualTo(Colour.YELLOW);
  }
}
