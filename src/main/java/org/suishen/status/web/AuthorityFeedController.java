package org.suishen.status.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.internal.feed.FeedKind;
import org.suishen.status.internal.feed.FeedProcessor;

/**
 * The health authority's feeds: {@code POST /api/authority/feeds/{kind}} with a CSV body ({@code
 * text/csv}), a CSV file ({@code multipart/form-data}, part {@code file}) or a JSON array; {@code
 * kind} is one of {@code orders, releases, key-regions, arrivals, redeclarations}. The answer is
 * the feed's report; {@code GET /api/authority/feeds/{id}} shows it again.
 */
@RestController
@RequestMapping("/api/authority/feeds")
@Tag(name = "Authority: feeds", description = "The health authority's data feeds (H2)")
class AuthorityFeedController {

  private static final String FEED_SUMMARY = "Send a feed of the health authority's data";

  private static final String FEED_DESCRIPTION =
      "kind: orders, releases, key-regions, arrivals, redeclarations (docs/status.md lists their"
          + " columns). The body is a CSV (text/csv, streamed, optional ?fileName=), a CSV file"
          + " (multipart/form-data, part file, at most spring.servlet.multipart.max-file-size) or"
          + " a JSON array of objects keyed by the columns in camelCase. Applied in one"
          + " transaction, then the people touched are re-evaluated; the answer is the feed's"
          + " report, with each rejected row and its reason (a rejected row is not a refusal). A"
          + " whole-file refusal writes nothing. Audited (status.feed.applied).";

  private static final String CSV_EXAMPLE =
      "document_type,document_number,region_code,arrived_on\n"
          + "RESIDENT_ID,310104198807120035,420100,2026-03-30\n";

  private static final String JSON_EXAMPLE =
      "[{\"documentType\": \"RESIDENT_ID\", \"documentNumber\": \"310104198807120035\","
          + " \"regionCode\": \"420100\", \"arrivedOn\": \"2026-03-30\"}]";

  private final FeedProcessor feeds;
  private final StatusTexts texts;

  AuthorityFeedController(FeedProcessor feeds, StatusTexts texts) {
    this.feeds = feeds;
    this.texts = texts;
  }

  @PostMapping(
      path = "/{kind}",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(
      summary = FEED_SUMMARY,
      description = FEED_DESCRIPTION,
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = {
                @Content(
                    mediaType = "text/csv",
                    schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "arrivals", value = CSV_EXAMPLE)),
                // the JSON handler below adds the schema; springdoc keeps this example with it
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "arrivals", value = JSON_EXAMPLE))
              }))
  @Refusal(status = 400, code = "status.feed.empty")
  @Refusal(status = 400, code = "status.feed.header-malformed")
  @Refusal(status = 400, code = "status.feed.header-duplicate-column")
  @Refusal(status = 400, code = "status.feed.header-unknown-column")
  @Refusal(status = 400, code = "status.feed.header-missing-column")
  @Refusal(status = 400, code = "status.feed.encoding")
  @Refusal(status = 400, code = "status.feed.too-many-rows")
  @Refusal(status = 404, code = "status.feed.unknown-kind")
  @Refusal(status = 413, code = "request.too-large")
  FeedReportView csv(
      @Parameter(description = "The kind of feed", example = "arrivals") @PathVariable String kind,
      @Parameter(description = "The file's name, for the report", example = "arrivals-0401.csv")
          @RequestParam(required = false)
          @Nullable String fileName,
      HttpServletRequest request)
      throws IOException {
    FeedKind feedKind = kind(kind);
    try (InputStream body = request.getInputStream()) {
      return FeedReportView.of(
          feeds.processCsv(feedKind, body, fileName, CurrentActor.get()), texts);
    }
  }

  @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = FEED_SUMMARY, description = FEED_DESCRIPTION)
  @Refusal(status = 400, code = "status.feed.empty")
  @Refusal(status = 400, code = "status.feed.header-malformed")
  @Refusal(status = 400, code = "status.feed.header-duplicate-column")
  @Refusal(status = 400, code = "status.feed.header-unknown-column")
  @Refusal(status = 400, code = "status.feed.header-missing-column")
  @Refusal(status = 400, code = "status.feed.encoding")
  @Refusal(status = 400, code = "status.feed.too-many-rows")
  @Refusal(status = 404, code = "status.feed.unknown-kind")
  @Refusal(status = 413, code = "request.too-large")
  FeedReportView upload(
      @Parameter(description = "The kind of feed", example = "arrivals") @PathVariable String kind,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    FeedKind feedKind = kind(kind);
    try (InputStream body = file.getInputStream()) {
      return FeedReportView.of(
          feeds.processCsv(feedKind, body, file.getOriginalFilename(), CurrentActor.get()), texts);
    }
  }

  @PostMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = FEED_SUMMARY, description = FEED_DESCRIPTION)
  @Refusal(status = 400, code = "status.feed.empty")
  @Refusal(status = 400, code = "status.feed.header-unknown-column")
  @Refusal(status = 400, code = "status.feed.header-missing-column")
  @Refusal(status = 400, code = "status.feed.too-many-rows")
  @Refusal(status = 404, code = "status.feed.unknown-kind")
  FeedReportView json(
      @Parameter(description = "The kind of feed", example = "arrivals") @PathVariable String kind,
      @RequestBody List<Map<String, @Nullable Object>> rows) {
    return FeedReportView.of(feeds.processJson(kind(kind), rows, CurrentActor.get()), texts);
  }

  @GetMapping("/{feedId}")
  @Operation(summary = "A feed's report again")
  @Refusal(status = 404, code = "status.feed.not-found")
  FeedReportView report(@PathVariable UUID feedId) {
    return FeedReportView.of(
        feeds.find(feedId).orElseThrow(() -> SuishenException.notFound("status.feed.not-found")),
        texts);
  }

  @GetMapping
  @Operation(summary = "The latest feeds' reports", description = "Newest first, the latest 20.")
  List<FeedReportView> recent() {
    return feeds.recent(Paging.DEFAULT).stream().map(r -> FeedReportView.of(r, texts)).toList();
  }

  static FeedKind kind(String path) {
    return FeedKind.ofPath(path)
        .orElseThrow(() -> SuishenException.notFound("status.feed.unknown-kind"));
  }
}
