package org.suishen.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page, where citizens and staff start, and the privacy notice every page links. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }

  /** What the platform keeps about a person, why, who sees it and how to ask (issue 11). */
  @GetMapping("/privacy")
  String privacy() {
    return "privacy";
  }
}
