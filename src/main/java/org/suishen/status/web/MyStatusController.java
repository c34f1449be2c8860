package org.suishen.status.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.HealthStatuses;
import org.suishen.status.internal.StatusNotices;
import org.suishen.status.internal.StatusRows;

/** A person's own status, its history and the notices about it (citizens, MISSION H2). */
@RestController
@RequestMapping("/api/me/status")
class MyStatusController {

  private final HealthStatuses statuses;
  private final StatusRows rows;
  private final StatusNotices notices;
  private final StatusTexts texts;

  MyStatusController(
      HealthStatuses statuses, StatusRows rows, StatusNotices notices, StatusTexts texts) {
    this.statuses = statuses;
    this.rows = rows;
    this.notices = notices;
    this.texts = texts;
  }

  @GetMapping
  StatusView status() {
    return StatusView.of(statuses.current(personId()), texts);
  }

  @GetMapping("/history")
  HistoryView history(
      @RequestParam(required = false) @Nullable Long before,
      @RequestParam(required = false) @Nullable Integer limit) {
    int size = Paging.limit(limit);
    return HistoryView.of(rows.history(personId(), before, size), size, texts, false);
  }

  record NoticeView(
      long id,
      String kind,
      String messageCode,
      @JsonProperty("message") StatusTexts.Bilingual message,
      Instant at) {}

  @GetMapping("/notices")
  List<NoticeView> notices(@RequestParam(required = false) @Nullable Integer limit) {
    return notices.forPerson(personId(), Paging.limit(limit)).stream()
        .map(
            n ->
                new NoticeView(
                    n.id(), n.kind(), n.messageCode(), texts.of(n.messageCode()), n.at()))
        .toList();
  }

  private static UUID personId() {
    CitizenPrincipal citizen =
        CurrentActor.citizen().orElseThrow(() -> SuishenException.forbidden("auth.forbidden"));
    if (citizen.personId() == null) {
      throw SuishenException.forbidden("status.person.not-registered");
    }
    return citizen.personId();
  }
}
