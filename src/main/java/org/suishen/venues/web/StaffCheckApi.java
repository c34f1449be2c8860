package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.venues.internal.door.Doors;
import org.suishen.venues.web.DoorViews.DecisionView;
import org.suishen.venues.web.DoorViews.PresentationRequest;

/** Venue staff checking at the door with their phone (O9, O11). */
@RestController
@Tag(name = "Venues: staff check", description = "Venue staff check a code at their door (O9)")
class StaffCheckApi {

  private final Doors doors;
  private final DoorViews views;

  StaffCheckApi(Doors doors, DoorViews views) {
    this.doors = doors;
    this.views = views;
  }

  @PostMapping("/api/venue-checks")
  @Operation(
      summary = "Check a code at the venue one works at",
      description =
          "A live or proxy code, decided with the venue's rule as at its sentinels (O11) and"
              + " recorded as a staff check. A paper offline code is checked with the ID card at"
              + " POST /api/scan/offline-code, which records the passage here too.")
  @ApiResponse(responseCode = "200", description = "The decision")
  @Refusal(status = 400, code = "venues.door.credential-required")
  @Refusal(status = 400, code = "venues.door.code-required")
  @Refusal(status = 400, code = "venues.door.token-invalid")
  @Refusal(status = 403, code = "venues.staff.unassigned")
  @Refusal(status = 503, code = "venues.passage.busy")
  @Refusal(status = 503, code = "venues.passage.not-recorded")
  DecisionView check(@RequestBody PresentationRequest request) {
    return views.view(doors.staffCheck(request.domain(), CurrentActor.get()), request.key());
  }
}
