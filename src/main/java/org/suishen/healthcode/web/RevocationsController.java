package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.suishen.healthcode.internal.code.SubjectRevocationFeed;
import org.suishen.shared.feed.FeedIds;
import org.suishen.shared.problem.Refusal;

@RestController
@Tag(name = "Public keys")
class RevocationsController {

  private final SubjectRevocationFeed feed;

  RevocationsController(SubjectRevocationFeed feed) {
    this.feed = feed;
  }

  @GetMapping("/api/revocations/subjects")
  @Operation(
      summary = "Withdrawn person references, for offline verifiers",
      description =
          "Public. References withdrawn since a version (the id of the transaction that withdrew"
              + " them, handed out only once no earlier transaction can still commit), oldest"
              + " first, at most 1000 per page; continue with since=next, more=true means ask"
              + " again at once. Full pages never change (cacheable for a day). A reference is"
              + " the opaque 16-byte value in the token (base64url). ETag: 304 when unchanged.")
  @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
  @Refusal(status = 400, code = "healthcode.revocations.since")
  ResponseEntity<Page> revoked(
      @Parameter(description = "The last version this verifier has (0 at first)", example = "0")
          @RequestParam(required = false)
          @Nullable String since,
      WebRequest request) {
    var page = feed.page(since);
    var body =
        new Page(
            page.since(),
            page.next(),
            page.more(),
            page.entries().stream()
                .map(r -> new Entry(FeedIds.base64Url(r.personRef()), r.version(), r.revokedAt()))
                .toList());
    String etag =
        "\"subjects-" + page.since() + "-" + page.next() + "-" + page.entries().size() + "\"";
    CacheControl cache =
        page.more()
            ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic().immutable()
            : CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(etag).build();
    }
    return ResponseEntity.ok().cacheControl(cache).eTag(etag).body(body);
  }

  @Schema(name = "RevokedSubjects", description = "Withdrawn person references, oldest first")
  record Page(
      @Schema(description = "The since asked for", example = "0") long since,
      @Schema(description = "Ask next with since=next", example = "48213") long next,
      @Schema(description = "Whether a further page follows at once", example = "false")
          boolean more,
      List<Entry> revoked) {}

  @Schema(name = "RevokedSubject", description = "A withdrawn person reference")
  record Entry(
      @Schema(description = "The 16-byte reference, base64url", example = "q83vEjRWeJCrze8SNFZ4kA")
          String ref,
      @Schema(description = "The version that withdrew it", example = "48213") long version,
      @Schema(description = "When it was withdrawn", example = "2026-03-01T02:00:00Z")
          Instant revokedAt) {}
}
