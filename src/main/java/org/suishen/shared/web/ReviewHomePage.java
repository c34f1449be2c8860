package org.suishen.shared.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The reviewers' home {@code /review}: every review queue with how many cases wait in it. */
@Controller
class ReviewHomePage {

  /** One queue as shown. */
  record Entry(String id, String path, String titleKey, long waiting) {}

  private final ObjectProvider<ReviewQueueLink> queues;

  ReviewHomePage(ObjectProvider<ReviewQueueLink> queues) {
    this.queues = queues;
  }

  @GetMapping("/review")
  String home(Model model) {
    List<Entry> entries =
        queues
            .orderedStream()
            .map(q -> new Entry(q.id(), q.path(), q.titleKey(), q.waiting()))
            .toList();
    model.addAttribute("queues", entries);
    return "review/home";
  }
}
