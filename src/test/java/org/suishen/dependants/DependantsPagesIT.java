package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.support.IntegrationTest;

@IntegrationTest
@AutoConfigureMockMvc
class DependantsPagesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired Dependants dependants;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  @Test
  void theCitizenPageBindsListsAndRemoves() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("杨丽华", 33, household);
    var child = register.resident("杨小乐", 6, household);

    mvc.perform(get("/me/dependants").with(DependantsApiIT.citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("还没有绑定亲属"),
                        containsString("id=\"bind-form\""),
                        containsString("enctype=\"multipart/form-data\""),
                        containsString("name=\"_csrf\""),
                        // the relationship is chosen, never preselected
                        containsString(
                            "<select id=\"relationship\" name=\"relationship\" required>"),
                        containsString("<option value=\"\" selected=\"selected\">请选择关系</option>"),
                        containsString("<option value=\"CHILD\">子女</option>"),
                        containsString("<option value=\"GRANDPARENT\">祖父母/外祖父母</option>"),
                        containsString("<option value=\"OTHER_WARD\">其他被监护人</option>"))));

    mvc.perform(
            multipart("/me/dependants")
                .param("documentType", "RESIDENT_ID")
                .param("documentNumber", child.number())
                .param("name", child.name())
                .param("relationship", "CHILD")
                .with(DependantsApiIT.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/me/dependants"))
        .andExpect(flash().attribute("done", "dependants.done.bound"))
        .andExpect(flash().attribute("doneName", "杨*乐"));

    mvc.perform(get("/me/dependants").with(DependantsApiIT.citizen(mother)))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("杨*乐"),
                        containsString("<span class=\"dependant-relationship\">子女</span>"),
                        containsString("已绑定"),
                        containsString("6岁"),
                        containsString("未成年人"),
                        containsString("class=\"dependant-actions\""),
                        containsString("id=\"dependant-" + child.id() + "\""),
                        not(containsString(child.number())),
                        not(containsString("杨小乐")))));

    // the page addresses the child by the child's person id; a binding id names nobody
    var bindingId = dependants.of(mother.id()).getFirst().id();
    mvc.perform(
            post("/me/dependants/" + bindingId + "/remove")
                .with(DependantsApiIT.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(redirectedUrl("/me/dependants"))
        .andExpect(flash().attribute("errorCode", "dependants.binding-not-found"));
    assertThat(dependants.isBound(mother.id(), child.id())).isTrue();

    mvc.perform(
            post("/me/dependants/" + child.id() + "/remove")
                .with(DependantsApiIT.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(redirectedUrl("/me/dependants"))
        .andExpect(flash().attribute("done", "dependants.done.removed"));
    assertThat(dependants.isBound(mother.id(), child.id())).isFalse();
  }

  @Test
  void aRefusalIsShownOnThePageInTheCitizensLanguageWithTheFormKept() throws Exception {
    String household = RegisterFixtures.household();
    var holder = register.resident("邓超", 33, household);
    var adult = register.resident("邓伦", 31, household);

    mvc.perform(
            multipart("/me/dependants")
                .param("documentType", "RESIDENT_ID")
                .param("documentNumber", adult.number())
                .param("name", adult.name())
                .param("relationship", "SPOUSE")
                .param("lang", "en")
                .with(DependantsApiIT.citizen(holder))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Only minors under 18"),
                        containsString("dependants.not-eligible"),
                        containsString("value=\"" + adult.number() + "\""),
                        // the chosen relationship is kept too
                        containsString(
                            "<option value=\"SPOUSE\" selected=\"selected\">Spouse</option>"))));
    assertThat(dependants.of(holder.id())).isEmpty();
  }

  @Test
  void withoutACsrfTokenThePageFormIsRefused() throws Exception {
    String household = RegisterFixtures.household();
    var holder = register.resident("宋江", 43, household);
    var child = register.resident("宋小江", 3, household);
    mvc.perform(
            multipart("/me/dependants")
                .param("documentType", "RESIDENT_ID")
                .param("documentNumber", child.number())
                .param("name", child.name())
                .param("relationship", "CHILD")
                .with(DependantsApiIT.citizen(holder)))
        .andExpect(status().isForbidden());
    assertThat(dependants.of(holder.id())).isEmpty();
  }

  @Test
  void aReviewerDecidesOnTheReviewPages() throws Exception {
    var holder = register.resident("白雪", 29, RegisterFixtures.household());
    var elder = register.resident("白老汉", 80, RegisterFixtures.household());
    mvc.perform(
            multipart("/me/dependants")
                .file(DependantsApiIT.png())
                .param("documentType", "RESIDENT_ID")
                .param("documentNumber", elder.number())
                .param("name", elder.name())
                .param("relationship", "GRANDPARENT")
                .with(DependantsApiIT.citizen(holder))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(flash().attribute("done", "dependants.done.pending"));
    UUID id = dependants.of(holder.id()).getFirst().id();

    mvc.perform(get("/review/dependants").with(DependantsApiIT.reviewer()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"pending-" + id + "\""),
                        containsString("白*"),
                        containsString("白*汉"),
                        containsString("<td class=\"relationship\">祖父母/外祖父母</td>"),
                        not(containsString("白老汉")))));
    mvc.perform(get("/review/dependants/" + id).with(DependantsApiIT.reviewer()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("/api/review/dependants/" + id + "/evidence"),
                        // the reviewer checks the page against what the holder stated
                        containsString("申请人所述关系: 祖父母/外祖父母"),
                        containsString("id=\"approve\""),
                        containsString("id=\"reject\""))));

    mvc.perform(
            post("/review/dependants/" + id + "/decision")
                .param("decision", "REJECT")
                .with(DependantsApiIT.reviewer()))
        .andExpect(redirectedUrl("/review/dependants/" + id))
        .andExpect(flash().attribute("errorCode", "dependants.reason-required"));
    mvc.perform(
            post("/review/dependants/" + id + "/decision")
                .param("decision", "APPROVE")
                .with(DependantsApiIT.reviewer()))
        .andExpect(redirectedUrl("/review/dependants"))
        .andExpect(flash().attribute("done", "dependants.review.done.approved"));
    assertThat(dependants.isBound(holder.id(), elder.id())).isTrue();
  }

  @Test
  void withoutARelationshipThePageRefusesInTheCitizensLanguageAndKeepsTheForm() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("郝静", 31, household);
    var child = register.resident("郝小多", 2, household);
    for (String lang : new String[] {"zh_CN", "en"}) {
      mvc.perform(
              multipart("/me/dependants")
                  .param("documentType", "RESIDENT_ID")
                  .param("documentNumber", child.number())
                  .param("name", child.name())
                  .param("relationship", "")
                  .param("lang", lang)
                  .with(DependantsApiIT.citizen(mother))
                  .with(HealthCodeFixtures.xsrf()))
          .andExpect(status().isBadRequest())
          .andExpect(
              content()
                  .string(
                      allOf(
                          containsString("(dependants.relationship)"),
                          containsString(
                              lang.equals("en")
                                  ? "Please choose how this family member is related to you"
                                  : "请选择这位亲属与您的关系"),
                          containsString("value=\"" + child.number() + "\""))));
    }
    assertThat(dependants.of(mother.id())).isEmpty();
  }

  @Test
  void aBindingMadeBeforeTheRelationshipWasAskedIsListedAndReviewedWithoutOne() throws Exception {
    var holder = register.resident("阎红", 45, RegisterFixtures.household());
    var elder = register.resident("阎老太", 84, RegisterFixtures.household());
    mvc.perform(
            multipart("/me/dependants")
                .file(DependantsApiIT.png())
                .param("documentType", "RESIDENT_ID")
                .param("documentNumber", elder.number())
                .param("name", elder.name())
                .param("relationship", "PARENT")
                .with(DependantsApiIT.citizen(holder))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(flash().attribute("done", "dependants.done.pending"));
    UUID id = dependants.of(holder.id()).getFirst().id();
    // as a row applied for before V24_5 is
    jdbc.sql("UPDATE dependant_binding SET relationship = NULL WHERE id = ?").param(id).update();

    mvc.perform(get("/me/dependants").with(DependantsApiIT.citizen(holder)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"dependant-" + elder.id() + "\""),
                        containsString("阎*太"),
                        containsString("84岁"),
                        containsString("审核中"),
                        not(containsString("class=\"dependant-relationship\"")))));
    mvc.perform(get("/review/dependants").with(DependantsApiIT.reviewer()))
        .andExpect(content().string(containsString("<td class=\"relationship\">未填写（早期申请）</td>")));
    mvc.perform(get("/review/dependants/" + id).with(DependantsApiIT.reviewer()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("申请人所述关系: 未填写（早期申请）")));
  }

  @Test
  void thePagesNeedTheRightRole() throws Exception {
    var citizen = register.resident("孔明", 40, RegisterFixtures.household());
    mvc.perform(get("/me/dependants")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/review/dependants")).andExpect(redirectedUrl("/staff/login"));
    mvc.perform(get("/review/dependants").with(DependantsApiIT.citizen(citizen)))
        .andExpect(status().isForbidden());
  }
}
