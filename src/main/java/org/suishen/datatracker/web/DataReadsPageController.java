package org.suishen.datatracker.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suishen.datatracker.internal.DataRead;
import org.suishen.datatracker.internal.DataTracker;

/** The citizen's page 谁查看了我的数据: the tracker's lines as a list, older days by a link. */
@Controller
class DataReadsPageController {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final DataTracker tracker;
  private final Clock clock;

  DataReadsPageController(DataTracker tracker, Clock clock) {
    this.tracker = tracker;
    this.clock = clock;
  }

  /** A line as the page shows it, times in the city's zone. */
  record Line(DataRead read, String when, @Nullable String since) {}

  @GetMapping("/me/data-reads")
  String page(@RequestParam(required = false) @Nullable String before, Model model, Locale locale) {
    var page = tracker.of(RegisteredCitizen.person(), DataReadsDay.parse(before), locale);
    model.addAttribute(
        "lines",
        page.entries().stream()
            .map(
                r ->
                    new Line(
                        r,
                        WHEN.format(r.at().atZone(clock.getZone())),
                        r.count() > 1 && r.firstAt() != null ? time(r.firstAt()) : null))
            .toList());
    model.addAttribute("next", page.next());
    model.addAttribute("older", before != null && !before.isBlank());
    return "datatracker/data-reads";
  }

  private String time(Instant at) {
    return TIME.format(at.atZone(clock.getZone()));
  }
}
