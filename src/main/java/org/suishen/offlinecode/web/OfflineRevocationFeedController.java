package org.suishen.offlinecode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.suishen.offlinecode.internal.OfflineRevocationFeed;
import org.suishen.shared.feed.FeedIds;
import org.suishen.shared.problem.Refusal;

/** The public revocation feed of printed offline codes, for terminals that check them offline. */
@RestController
@Tag(name = "Public keys")
class OfflineRevocationFeedController {

  private final OfflineRevocationFeed feed;

  OfflineRevocationFeedController(OfflineRevocationFeed feed) {
    this.feed = feed;
  }

  @Schema(
      name = "OfflineRevocationFeed",
      description = "One page of the offline-code revocation feed")
  record FeedJson(
      @Schema(description = "The since asked for", example = "0") long since,
      @Schema(description = "Ask next with since=next", example = "48213") long next,
      @Schema(description = "The page was full: ask again at once", example = "false") boolean more,
      @Schema(description = "Oldest first") List<Entry> revoked) {}

  @Schema(name = "OfflineRevocation", description = "A voided offline code")
  record Entry(
      @Schema(
              description = "Credential id: the token's 16 reference bytes, base64url",
              example = "PyuMHnpNTiucH11uf4qbDA")
          String id,
      @Schema(description = "Version (the voiding transaction)", example = "48213") long v,
      @Schema(description = "The code's expiry, epoch seconds", example = "1793000000") long exp) {}

  @GetMapping("/api/revocations/offline")
  @Operation(
      summary = "Voided offline codes, for terminals that check them offline",
      description =
          "Printed offline codes voided (lost, reissued, re-applied) since a version, oldest"
              + " first. Continue with since=next; more=true means ask again at once. ETag: 304"
              + " when unchanged.")
  @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
  @Refusal(status = 400, code = "offlinecode.feed.since")
  ResponseEntity<FeedJson> revoked(
      @Parameter(description = "The last version this terminal has (0 at first)", example = "0")
          @RequestParam(required = false)
          @Nullable String since,
      WebRequest request) {
    var page = feed.page(since);
    var body =
        new FeedJson(
            page.since(),
            page.next(),
            page.more(),
            page.entries().stream()
                .map(
                    r ->
                        new Entry(
                            FeedIds.base64Url(r.credentialId()),
                            r.version(),
                            r.expiresAt().getEpochSecond()))
                .toList());
    String etag =
        "\"offline-" + page.since() + "-" + page.next() + "-" + page.entries().size() + "\"";
    CacheControl cache =
        page.more()
            ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic().immutable()
            : CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(etag).build();
    }
    return ResponseEntity.ok().cacheControl(cache).eTag(etag).body(body);
  }
}
