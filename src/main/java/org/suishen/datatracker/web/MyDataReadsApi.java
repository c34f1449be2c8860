package org.suishen.datatracker.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.datatracker.internal.DataReadsPage;
import org.suishen.datatracker.internal.DataTracker;
import org.suishen.shared.problem.Refusal;

@RestController
@Tag(
    name = "Data tracker",
    description = "Who looked at my data (谁查看了我的数据): reads by staff, devices and the authority")
class MyDataReadsApi {

  private final DataTracker tracker;

  MyDataReadsApi(DataTracker tracker) {
    this.tracker = tracker;
  }

  @GetMapping(path = "/api/me/data-reads", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Who looked at my data",
      description =
          "Every read of my data and my bound dependants' by staff, devices and the health"
              + " authority, newest first: when, the reader's role (never a staff member's name),"
              + " the device and place, what was read and the stated purpose; scans of my codes"
              + " as one line per day, scanner and place. Each read line carries the audit entry's"
              + " id, which an auditor follows (GET /api/audit/events/{id}). Pages are whole days;"
              + " next is the before of the following page. Texts in the request's language."
              + " no-store.")
  @Refusal(status = 400, code = "datatracker.before-invalid")
  @Refusal(status = 403, code = "citizen.registration.required")
  ResponseEntity<DataReadsPage> mine(
      @Parameter(
              description = "Days before this one (ISO date), from the previous page's next",
              example = "2026-02-27")
          @RequestParam(required = false)
          @Nullable String before,
      Locale locale) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(tracker.of(RegisteredCitizen.person(), DataReadsDay.parse(before), locale));
  }
}
