package org.suishen.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: where citizens and staff start. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
