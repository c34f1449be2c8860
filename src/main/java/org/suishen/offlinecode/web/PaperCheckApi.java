package org.suishen.offlinecode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.offlinecode.internal.check.PaperCheck;
import org.suishen.offlinecode.internal.check.PaperChecks;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * The staff check of a paper offline code (O9-O11): venue staff and samplers scan the sheet with
 * their phone. A void, expired or forged code is an answer ({@code valid=false}), not an error.
 */
@RestController
@Tag(name = "Scan: paper offline code", description = "Staff check of the printed code (O9-O11)")
class PaperCheckApi {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PaperChecks checks;
  private final MessageSource messages;
  private final java.time.Clock clock;

  PaperCheckApi(PaperChecks checks, MessageSource messages, java.time.Clock clock) {
    this.checks = checks;
    this.messages = messages;
    this.clock = clock;
  }

  @Schema(name = "PaperCheckRequest")
  record PaperCheckRequest(
      @Schema(
              description = "What the camera or scanner read from the sheet",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "SSC:Aw...")
          @Nullable String payload) {}

  @Schema(name = "PaperCheck", description = "What the check found: valid=false is an answer")
  record PaperCheckView(
      @Schema(description = "A genuine, current, not voided paper code", example = "true")
          boolean valid,
      @Schema(allowableValues = {"VALID", "VOID", "EXPIRED", "INVALID"}) String state,
      @Schema(description = "The scan's stable reason code", example = "ok") String reason,
      @Schema(description = "The state in Chinese", example = "离线码有效") String messageZh,
      @Schema(description = "The state in English", example = "Paper code valid") String messageEn,
      @Schema(allowableValues = {"GREEN", "YELLOW", "RED"}) @Nullable String colour,
      @Schema(example = "张*英") @Nullable String maskedName,
      @Schema(example = "3101**********1234") @Nullable String maskedDocumentNumber,
      @Schema(
              description = "The photo from the library as a data: URL, else null",
              example = "data:image/jpeg;base64,/9j/4AAQ...")
          @Nullable String photo,
      @Schema(
              description = "The library has a photo; if not, rely on the ID card",
              example = "true")
          boolean photoOnFile,
      @Schema(description = "Sampling time of the latest negative result")
          @Nullable Instant latestNegativeSampledAt,
      @Schema(description = "The same in the city's time", example = "2026-04-02 09:30")
          @Nullable String latestNegativeText,
      @Schema(
              description = "A negative result sampled within recentNegativeHours",
              example = "true")
          boolean recentNegative,
      @Schema(example = "48") long recentNegativeHours,
      @Schema(example = "2026-09-29T01:00:00Z") @Nullable Instant expiresAt,
      Instant checkedAt,
      @Schema(
              description = "The masked scanner account and time, tiled over the result",
              example = "v***e · 2026-04-02 16:30:05")
          String watermark,
      @Schema(description = "Reminder: compare the ID card", example = "请核对身份证原件")
          String reminderZh,
      @Schema(example = "Check the ID card itself") String reminderEn,
      @Schema(
              description =
                  "The venue the checker works at, whose rule decided (recorded as a passage);"
                      + " null for a checker of no venue",
              example = "正大广场")
          @Nullable String venueName,
      @Schema(
              description = "The venue's rule admits the person; null without a venue",
              example = "true")
          @Nullable Boolean venueAdmitted,
      @Schema(description = "The venue's stable reason code", example = "no-recent-test")
          @Nullable String venueReason,
      @Schema(example = "请通行") @Nullable String venueMessageZh,
      @Schema(example = "Please pass") @Nullable String venueMessageEn) {}

  @PostMapping("/api/scan/offline-code")
  @Operation(
      summary = "Check a paper offline code (staff check)",
      description =
          "Roles: VENUE_STAFF, SAMPLER. The code's state (valid, void after loss or reissue,"
              + " expired, invalid), and for a valid one the person's colour now, their latest"
              + " negative result (and whether within 48 h), masked name, document number and"
              + " photo. Every check of a valid code is a recorded read of the person's data.")
  @ApiResponse(responseCode = "200", description = "The check's answer")
  @Refusal(status = 401, code = "auth.required")
  @Refusal(status = 403, code = "auth.forbidden")
  PaperCheckView check(@RequestBody PaperCheckRequest request) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    String login = authentication == null ? "unknown" : authentication.getName();
    PaperCheck check = checks.check(request.payload(), login, CurrentActor.get());
    var person = check.person();
    var latest = check.latest();
    Instant negative = latest == null ? null : latest.negativeSampledAt();
    var photo = check.photo();
    var venue = check.venue();
    String key = "offlinecode.check.state." + check.state().name().toLowerCase(Locale.ROOT);
    return new PaperCheckView(
        check.state() == PaperCheck.State.VALID,
        check.state().name(),
        check.reason().code(),
        messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE),
        messages.getMessage(key, null, Locale.ENGLISH),
        check.colour() == null ? null : check.colour().name(),
        person == null ? null : person.maskedName(),
        person == null ? null : person.maskedDocumentNumber(),
        photo == null || photo.placeholder()
            ? null
            : "data:"
                + photo.mediaType()
                + ";base64,"
                + Base64.getEncoder().encodeToString(photo.bytes()),
        photo != null && !photo.placeholder(),
        negative,
        negative == null ? null : TIME.format(negative.atZone(clock.getZone())),
        check.recentNegative(),
        checks.properties().recentNegative().toHours(),
        check.expiresAt(),
        check.checkedAt(),
        check.watermark(),
        messages.getMessage("offlinecode.check.reminder", null, Locale.SIMPLIFIED_CHINESE),
        messages.getMessage("offlinecode.check.reminder", null, Locale.ENGLISH),
        venue == null ? null : venue.venueName(),
        venue == null ? null : venue.admitted(),
        venue == null ? null : venue.reason(),
        venue == null ? null : venue.messageZh(),
        venue == null ? null : venue.messageEn());
  }
}
