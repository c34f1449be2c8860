package org.suishen.status.web;

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
class AuthorityFeedController {

  private final FeedProcessor feeds;
  private final StatusTexts texts;

  AuthorityFeedController(FeedProcessor feeds, StatusTexts texts) {
    this.feeds = feeds;
    this.texts = texts;
  }

  @PostMapping(
      path = "/{kind}",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  FeedReportView csv(
      @PathVariable String kind,
      @RequestParam(required = false) @Nullable String fileName,
      HttpServletRequest request)
      throws IOException {
    FeedKind feedKind = kind(kind);
    try (InputStream body = request.getInputStream()) {
      return FeedReportView.of(
          feeds.processCsv(feedKind, body, fileName, CurrentActor.get()), texts);
    }
  }

  @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FeedReportView upload(@PathVariable String kind, @RequestPart("file") MultipartFile file)
      throws IOException {
    FeedKind feedKind = kind(kind);
    try (InputStream body = file.getInputStream()) {
      return FeedReportView.of(
          feeds.processCsv(feedKind, body, file.getOriginalFilename(), CurrentActor.get()), texts);
    }
  }

  @PostMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
  FeedReportView json(
      @PathVariable String kind, @RequestBody List<Map<String, @Nullable Object>> rows) {
    return FeedReportView.of(feeds.processJson(kind(kind), rows, CurrentActor.get()), texts);
  }

  @GetMapping("/{feedId}")
  FeedReportView report(@PathVariable UUID feedId) {
    return FeedReportView.of(
        feeds.find(feedId).orElseThrow(() -> SuishenException.notFound("status.feed.not-found")),
        texts);
  }

  @GetMapping
  List<FeedReportView> recent() {
    return feeds.recent(Paging.DEFAULT).stream().map(r -> FeedReportView.of(r, texts)).toList();
  }

  static FeedKind kind(String path) {
    return FeedKind.ofPath(path)
        .orElseThrow(() -> SuishenException.notFound("status.feed.unknown-kind"));
  }
}
