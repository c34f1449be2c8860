package org.suishen.proxycode.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.suishen.proxycode.ProxyCodes;
import org.suishen.shared.security.CurrentActor;

/**
 * The proxy code page (/me/dependants/{dependantId}/code): the live code page's card and script,
 * fed by the proxy code API, under a banner that says who shows it.
 */
@Controller
class ProxyCodePage {

  private final ProxyCodes proxies;

  ProxyCodePage(ProxyCodes proxies) {
    this.proxies = proxies;
  }

  @GetMapping("/me/dependants/{dependantId}/code")
  String proxyCode(@PathVariable UUID dependantId, Model model) {
    // not declared yet: the page says so and offers the declaration form, not a code card
    var dependant = proxies.dependant(CurrentActor.requireCitizen(), dependantId);
    model.addAttribute("declared", dependant.declared());
    // the banner says who the code is shown for (which child, which grandparent)
    model.addAttribute("relationship", dependant.relationship());
    model.addAttribute("declareUrl", "/me/dependants/" + dependantId + "/declaration");
    model.addAttribute("api", MyProxyCodeApi.codePath(dependantId));
    model.addAttribute("photo", MyProxyCodeApi.photoPath(dependantId));
    model.addAttribute("refreshSeconds", proxies.refreshAfter().toSeconds());
    return "proxycode/proxy-code";
  }
}
