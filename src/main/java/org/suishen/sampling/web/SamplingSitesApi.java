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
import org.suishen.sampling.internal.SamplingSites;
import org.suishen.sampling.internal.Site;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** Sampling sites and who works at them, for the health authority and administrators. */
@RestController
@Tag(name = "Sampling: sites", description = "Sampling sites and their samplers and terminals (S1)")
class SamplingSitesApi {

  private final SamplingSites sites;

  SamplingSitesApi(SamplingSites sites) {
    this.sites = sites;
  }

  @Schema(name = "SamplingSiteRequest", description = "A new sampling site")
  record SiteRequest(
      @Schema(description = "Unique code, 3-32 of A-Z, 0-9 and -", example = "XH-TJ-001")
          @Nullable String code,
      @Schema(example = "徐汇区天平街道社区卫生服务中心采样点") @Nullable String name,
      @Schema(example = "徐汇区天平路 123 号") @Nullable String address,
      @Schema(example = "徐汇区") @Nullable String district,
      @Schema(example = "天平路街道") @Nullable String street,
      @Schema(example = "天平居委会") @Nullable String community) {}

  @Schema(name = "SamplingSite", description = "A sampling site")
  record SiteView(
      @Schema(example = "XH-TJ-001") String code,
      @Schema(example = "徐汇区天平街道社区卫生服务中心采样点") String name,
      @Schema(example = "徐汇区天平路 123 号") String address,
      @Schema(example = "徐汇区") String district,
      @Schema(example = "天平路街道") String street,
      @Schema(example = "天平居委会") String community,
      @Schema(example = "2026-04-02T00:00:00Z") Instant openedAt,
      @Schema(description = "When it was closed; null while open", example = "null")
          @Nullable Instant closedAt) {

    static SiteView of(Site s) {
      return new SiteView(
          s.code(),
          s.name(),
          s.address(),
          s.district(),
          s.street(),
          s.community(),
          s.openedAt(),
          s.closedAt());
    }
  }

  @Schema(name = "SamplingAssignmentRequest", description = "Who is to work at the site")
  record AssignmentRequest(
      @Schema(
              description = "A staff login with role SAMPLER or a device id with SAMPLING_TERMINAL",
              example = "sampling-0001")
          @Nullable String login) {}

  @Schema(name = "SamplingAssignment", description = "A sampler or terminal working at a site")
  record AssignmentView(
      @Schema(example = "sampling-0001") String login,
      @Schema(allowableValues = {"STAFF", "DEVICE"}) String accountKind,
      @Schema(example = "XH-TJ-001") String siteCode) {}

  @PostMapping("/api/sampling/sites")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Open a sampling site",
      description =
          "Creates the site with the district, street and community it belongs to (audited).")
  @ApiResponse(responseCode = "201", description = "The site")
  @Refusal(status = 400, code = "sampling.site.code-invalid")
  @Refusal(status = 400, code = "sampling.site.field-required")
  @Refusal(status = 400, code = "sampling.site.field-too-long")
  @Refusal(status = 409, code = "sampling.site.code-taken")
  SiteView open(@RequestBody SiteRequest request) {
    return SiteView.of(
        sites.open(
            new SamplingSites.NewSite(
                request.code(),
                request.name(),
                request.address(),
                request.district(),
                request.street(),
                request.community()),
            CurrentActor.get()));
  }

  @GetMapping("/api/sampling/sites")
  @Operation(summary = "List sampling sites", description = "Open sites first, then closed ones.")
  @ApiResponse(responseCode = "200", description = "The sites")
  List<SiteView> all() {
    return sites.all().stream().map(SiteView::of).toList();
  }

  @PostMapping("/api/sampling/sites/{code}/closure")
  @Operation(
      summary = "Close a sampling site",
      description = "Its samplers and terminals can open no more tubes there (audited).")
  @ApiResponse(responseCode = "200", description = "The closed site")
  @Refusal(status = 404, code = "sampling.site.unknown")
  @Refusal(status = 409, code = "sampling.site.closed")
  SiteView close(@PathVariable String code) {
    return SiteView.of(sites.close(code, CurrentActor.get()));
  }

  @PostMapping("/api/sampling/sites/{code}/assignments")
  @Operation(
      summary = "Assign a sampler or terminal to a site",
      description =
          "A staff member with role SAMPLER or a device with SAMPLING_TERMINAL works at one site at"
              + " a time: assigning moves it from any other (audited). Registrations take their"
              + " site from this, never from the person.")
  @ApiResponse(responseCode = "200", description = "The assignment")
  @Refusal(status = 404, code = "sampling.site.unknown")
  @Refusal(status = 409, code = "sampling.site.closed")
  @Refusal(status = 404, code = "sampling.assignment.unknown-account")
  @Refusal(status = 400, code = "sampling.assignment.not-a-sampler")
  AssignmentView assign(@PathVariable String code, @RequestBody AssignmentRequest request) {
    var a = sites.assign(code, request.login(), CurrentActor.get());
    return new AssignmentView(a.login(), a.accountKind(), a.siteCode());
  }
}
