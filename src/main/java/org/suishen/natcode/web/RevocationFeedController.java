package org.suishen.natcode.web;

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
import org.suishen.natcode.internal.NatCodeProperties;
import org.suishen.natcode.internal.RevocationFeed;
import org.suishen.shared.feed.FeedIds;
import org.suishen.shared.problem.Refusal;

/** The public NAT revocation feed for terminals that check NAT codes offline (N2). */
@RestController
@Tag(name = "Public keys")
class RevocationFeedController {

  private final RevocationFeed feed;
  private final NatCodeProperties properties;

  RevocationFeedController(RevocationFeed feed, NatCodeProperties properties) {
    this.feed = feed;
    this.properties = properties;
  }

  @GetMapping("/api/revocations/nat")
  @Operation(
      summary = "Voided NAT codes, for terminals that check NAT codes offline",
      description =
          "Credentials voided since a version, of one partition (floor(bucket * partitions /"
              + " 65536), bucket = first two bytes of SHA-256 over the 16 credential-id bytes),"
              + " oldest first. Continue with since=next; more=true means ask again at once."
              + " Full pages never change (cacheable for a day); the latest page for"
              + " suishen.natcode.feed.max-age. ETag: 304 when unchanged.")
  @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
  @Refusal(status = 400, code = "natcode.feed.since")
  @Refusal(status = 400, code = "natcode.feed.partition")
  ResponseEntity<FeedJson> revoked(
      @Parameter(description = "The last version this terminal has (0 at first)", example = "0")
          @RequestParam(required = false)
          @Nullable String since,
      @Parameter(description = "0 to partitions - 1 (required)", example = "5")
          @RequestParam(required = false)
          @Nullable String partition,
      WebRequest request) {
    var page = feed.page(since, partition);
    var body =
        new FeedJson(
            page.partition(),
            page.partitions(),
            page.since(),
            page.next(),
            page.more(),
            page.revoked().stream()
                .map(
                    r ->
                        new Entry(
                            FeedIds.base64Url(r.credentialId()),
                            r.version(),
                            r.expiresAt().getEpochSecond()))
                .toList());
    String etag =
        "\"nat-"
            + page.partitions()
            + "-"
            + page.partition()
            + "-"
            + page.since()
            + "-"
            + page.next()
            + "-"
            + page.revoked().size()
            + "\"";
    CacheControl cache =
        page.more()
            ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic().immutable()
            : CacheControl.maxAge(properties.feed().maxAge()).cachePublic();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(etag).build();
    }
    return ResponseEntity.ok().cacheControl(cache).eTag(etag).body(body);
  }

  @Schema(description = "One page of the NAT revocation feed")
  record FeedJson(
      @Schema(description = "The partition asked for", example = "5") int partition,
      @Schema(description = "How many partitions there are (P)", example = "16") int partitions,
      @Schema(description = "The since asked for", example = "0") long since,
      @Schema(description = "Ask next with since=next", example = "48213") long next,
      @Schema(description = "The page was full: ask again at once", example = "false") boolean more,
      @Schema(description = "Oldest first") List<Entry> revoked) {}

  @Schema(description = "A voided credential")
  record Entry(
      @Schema(
              description = "Credential id: the token's 16 reference bytes, base64url",
              example = "PyuMHnpNTiucH11uf4qbDA")
          String id,
      @Schema(description = "Version (the voiding transaction)", example = "48213") long v,
      @Schema(
              description = "The code's expiry, epoch seconds: drop the entry after it",
              example = "1778378400")
          long exp) {}
}
