package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ShellTest {

  private final Shell shell = new Shell();

  @AfterEach
  void clear() {
    RequestContextHolder.resetRequestAttributes();
  }

  private static void current(MockHttpServletRequest request) {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  @Test
  void theLanguageLinkKeepsThePageAndItsFilters() {
    var request = new MockHttpServletRequest("GET", "/review/appeals/decided");
    request.addParameter("outcome", "UPHELD");
    request.addParameter("mine", "true");
    request.addParameter("lang", "en");
    current(request);
    assertThat(shell.inLanguage("zh_CN"))
        .isEqualTo("/review/appeals/decided?outcome=UPHELD&mine=true&lang=zh_CN");
  }

  @Test
  void aSearchTextIsEncodedAndAFormsFieldsAreNeverCopied() {
    var get = new MockHttpServletRequest("GET", "/admin/accounts");
    get.addParameter("q", "王 li&x");
    current(get);
    assertThat(shell.inLanguage("en")).isEqualTo("/admin/accounts?q=%E7%8E%8B%20li%26x&lang=en");

    var post = new MockHttpServletRequest("POST", "/staff/login");
    post.addParameter("password", "secret");
    current(post);
    assertThat(shell.inLanguage("en")).isEqualTo("/staff/login?lang=en");
  }

  @Test
  void outsideARequestItIsTheHomePage() {
    assertThat(shell.inLanguage("en")).isEqualTo("/?lang=en");
  }
}
