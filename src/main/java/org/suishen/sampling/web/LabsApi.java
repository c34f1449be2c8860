package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.Labs;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** Testing labs and who works at them (the health authority or an administrator). */
@RestController
@Tag(name = "Sampling: labs", description = "Testing labs and their staff (S4)")
class LabsApi {

  private final Labs labs;

  LabsApi(Labs labs) {
    this.labs = labs;
  }

  @Schema(name = "LabRequest", description = "A lab to open")
  record LabRequest(
      @Schema(description = "3-32 of A-Z, 0-9 and -", example = "LAB-XH-01") @Nullable String code,
      @Schema(example = "徐汇区疾控中心实验室") @Nullable String name) {}

  @Schema(name = "Lab", description = "A testing lab")
  record LabView(
      @Schema(example = "LAB-XH-01") String code,
      @Schema(example = "徐汇区疾控中心实验室") String name,
      @Schema(example = "2026-04-01T00:00:00Z") Instant openedAt) {

    static LabView of(Labs.Lab lab) {
      return new LabView(lab.code(), lab.name(), lab.openedAt());
    }
  }

  @Schema(name = "LabMemberRequest", description = "Who is to work at the lab")
  record MemberRequest(
      @Schema(description = "A staff login with role LAB", example = "lab-xh-01")
          @Nullable String login) {}

  @Schema(name = "LabMember", description = "A lab staff member and their lab")
  record MemberView(
      @Schema(example = "lab-xh-01") String login, @Schema(example = "LAB-XH-01") String labCode) {}

  @PostMapping("/api/sampling/labs")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Open a lab", description = "A testing lab that receives boxes (audited).")
  @ApiResponse(responseCode = "201", description = "The lab")
  @Refusal(status = 400, code = "sampling.lab.code-invalid")
  @Refusal(status = 400, code = "sampling.lab.name-invalid")
  @Refusal(status = 409, code = "sampling.lab.code-taken")
  LabView open(@RequestBody LabRequest request) {
    return LabView.of(labs.open(request.code(), request.name(), CurrentActor.get()));
  }

  @GetMapping("/api/sampling/labs")
  @Operation(summary = "List labs", description = "Every lab, by code.")
  @ApiResponse(responseCode = "200", description = "The labs")
  List<LabView> all() {
    return labs.all().stream().map(LabView::of).toList();
  }

  @PostMapping("/api/sampling/labs/{code}/members")
  @Operation(
      summary = "Assign lab staff to a lab",
      description =
          "A staff member with role LAB works at one lab at a time; assigning moves them"
              + " (audited). A lab reports only the tubes it received.")
  @ApiResponse(responseCode = "200", description = "The assignment")
  @Refusal(status = 404, code = "sampling.lab.unknown")
  @Refusal(status = 404, code = "sampling.assignment.unknown-account")
  @Refusal(status = 400, code = "sampling.lab.not-lab-staff")
  MemberView assign(@PathVariable String code, @RequestBody MemberRequest request) {
    var m = labs.assign(code, request.login(), CurrentActor.get());
    return new MemberView(m.login(), m.labCode());
  }
}
