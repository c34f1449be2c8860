package org.suishen.status.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The person's own page: current colour with its reason, notices, and the history of changes. */
@Controller
class MyStatusPageController {

  private static final int SHOWN = 50;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MyStatusController api;
  private final Clock clock;

  MyStatusPageController(MyStatusController api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  /** A line of the page, in the reader's language and the city's time zone. */
  record Line(String when, String colour, String text) {}

  @GetMapping("/me/status")
  String mine(Model model, Locale locale) {
    boolean english = "en".equals(locale.getLanguage());
    model.addAttribute("status", api.current());
    model.addAttribute("english", english);
    model.addAttribute(
        "history",
        api.history(null, SHOWN).entries().stream()
            .map(e -> new Line(when(e.effectiveAt()), e.colour(), text(e.reasonText(), english)))
            .toList());
    model.addAttribute(
        "notices",
        api.notices(SHOWN).stream()
            .map(n -> new Line(when(n.at()), "", text(n.message(), english)))
            .toList());
    return "status/mine";
  }

  private String when(Instant at) {
    return WHEN.format(at.atZone(clock.getZone()));
  }

  private static String text(StatusTexts.Bilingual text, boolean english) {
    return english ? text.en() : text.zh();
  }
}
