package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.venues.internal.VenuesProperties;
import org.suishen.venues.internal.trace.TraceCursor;
import org.suishen.venues.internal.trace.TraceQuery;
import org.suishen.venues.internal.trace.Traces;
import org.suishen.venues.internal.trace.Traces.TraceResult;
import org.suishen.venues.internal.trace.Traces.TraceRow;

/**
 * Trace queries for the health authority (D3, X1): POST, so that no document number or case ends up
 * in a URL or an access log. Every query and every export is audited with its case.
 */
@RestController
@Tag(name = "Venues: trace queries", description = "Who passed where, for the health authority")
class TraceApi {

  /**
   * Rows one JSON page carries (the next page follows from {@code next}); the CSV export carries
   * the whole window, up to {@link #MAX_EXPORT}.
   */
  static final int MAX_ROWS = 1_000;

  static final int MAX_EXPORT = 200_000;

  static final String AFTER =
      "Where this page begins: the previous page's next; empty for the first page. The CSV"
          + " export ignores it and carries the whole window";

  static final String AFTER_EXAMPLE =
      "2026-04-02T09:30:00.123456Z_0b7d2a4e-4a4f-4c43-9f53-3a1f0b2c9d10";

  private final Traces traces;
  private final VenuesProperties properties;
  private final DoorViews views;

  TraceApi(Traces traces, VenuesProperties properties, DoorViews views) {
    this.traces = traces;
    this.properties = properties;
    this.views = views;
  }

  @Schema(name = "VenueTraceRequest", description = "Who passed a venue between from and to")
  record VenueTraceRequest(
      UUID venueId,
      @Schema(example = "2026-04-01T00:00:00Z") @Nullable Instant from,
      @Schema(example = "2026-04-03T00:00:00Z") @Nullable Instant to,
      @Schema(
              description = "The law and article the query rests on",
              example = "《传染病防治法》第十二条 流行病学调查")
          @Nullable String legalBasis,
      @Schema(description = "The case it serves", example = "PD-2026-0402-017")
          @Nullable String caseRef,
      @Schema(description = AFTER, example = AFTER_EXAMPLE) @Nullable String after) {}

  @Schema(name = "PersonTraceRequest", description = "Where a person passed between from and to")
  record PersonTraceRequest(
      @Schema(example = "RESIDENT_ID") @Nullable String documentType,
      @Schema(example = "310104198001010012") @Nullable String documentNumber,
      @Schema(example = "2026-04-01T00:00:00Z") @Nullable Instant from,
      @Schema(example = "2026-04-03T00:00:00Z") @Nullable Instant to,
      @Schema(example = "《传染病防治法》第十二条 流行病学调查") @Nullable String legalBasis,
      @Schema(example = "PD-2026-0402-017") @Nullable String caseRef,
      @Schema(description = AFTER, example = AFTER_EXAMPLE) @Nullable String after) {}

  @Schema(name = "TracePassage", description = "One passage, with whom and where")
  record TraceRowView(
      UUID passageId,
      Instant passedAt,
      @Schema(example = "2026-04-02 09:30") String passedAtText,
      UUID venueId,
      @Schema(example = "正大广场") @Nullable String venueName,
      @Schema(example = "浦东新区陆家嘴西路 168 号") @Nullable String venueAddress,
      @Schema(
              description = "SELF_SCAN is the person's own claim, not a proof",
              allowableValues = {"SENTINEL", "STAFF_CHECK", "SELF_SCAN"})
          String provenance,
      @Schema(example = "device:sentinel-0001") String recordedBy,
      @Nullable UUID personId,
      @Schema(example = "张三") @Nullable String name,
      @Schema(example = "RESIDENT_ID") @Nullable String documentType,
      @Schema(example = "310104198001010012") @Nullable String documentNumber,
      @Schema(example = "LIVE") String credential,
      @Schema(example = "true") boolean admitted,
      @Schema(example = "admitted") String reason,
      @Schema(example = "GREEN") @Nullable String colour,
      @Schema(example = "36.6") @Nullable BigDecimal temperature,
      @Schema(description = "Decided by a sentinel offline", example = "false") boolean offline) {}

  @Schema(name = "Trace", description = "A trace query's passages, oldest first")
  record TraceView(
      @Schema(example = "《传染病防治法》第十二条 流行病学调查") String legalBasis,
      @Schema(example = "PD-2026-0402-017") String caseRef,
      @Schema(example = "2026-04-01T00:00:00Z") Instant from,
      @Schema(example = "2026-04-03T00:00:00Z") Instant to,
      List<TraceRowView> passages,
      @Schema(
              description = "Where this page began (the request's after); null for the first page",
              example = AFTER_EXAMPLE)
          @Nullable String after,
      @Schema(
              description =
                  "Where the next page begins (send it as after); null when this page is the last",
              example = "2026-04-02T18:02:11.004211Z_5f0c7e1a-8d2b-4e3f-a1c4-7b9d0e2f6a38")
          @Nullable String next,
      @Schema(description = "More passages follow this page of 1 000", example = "false")
          boolean truncated) {}

  @PostMapping("/api/authority/traces/venue")
  @Operation(
      summary = "Who passed a venue between two times",
      description =
          "Needs a legal basis and a case reference; the window is at most 31 days. Audited with"
              + " the case and the number of rows.")
  @ApiResponse(responseCode = "200", description = "The passages")
  @Refusal(status = 400, code = "venues.trace.legal-basis-required")
  @Refusal(status = 400, code = "venues.trace.case-ref-required")
  @Refusal(status = 400, code = "venues.trace.window-invalid")
  @Refusal(status = 400, code = "venues.trace.window-too-long")
  @Refusal(status = 400, code = "venues.trace.venue-required")
  @Refusal(status = 400, code = "venues.trace.cursor-invalid")
  @Refusal(status = 404, code = "venues.venue.unknown")
  TraceView venue(@RequestBody VenueTraceRequest request) {
    var query = query(request.legalBasis(), request.caseRef(), request.from(), request.to());
    TraceCursor after = TraceCursor.parse(request.after());
    return view(query, after, venueResult(request, query, after, MAX_ROWS));
  }

  @PostMapping(value = "/api/authority/traces/venue/csv", produces = "text/csv")
  @Operation(
      summary = "Who passed a venue, as CSV",
      description = "The same query as a UTF-8 CSV file for the epidemiologists (audited).")
  @ApiResponse(responseCode = "200", description = "The CSV file")
  @Refusal(status = 400, code = "venues.trace.legal-basis-required")
  @Refusal(status = 400, code = "venues.trace.case-ref-required")
  @Refusal(status = 400, code = "venues.trace.window-invalid")
  @Refusal(status = 400, code = "venues.trace.window-too-long")
  @Refusal(status = 400, code = "venues.trace.venue-required")
  @Refusal(status = 400, code = "venues.trace.too-many")
  @Refusal(status = 404, code = "venues.venue.unknown")
  ResponseEntity<byte[]> venueCsv(@RequestBody VenueTraceRequest request) {
    var query = query(request.legalBasis(), request.caseRef(), request.from(), request.to());
    return csv(venueResult(request, query, null, MAX_EXPORT), "venue-trace-" + query.caseRef());
  }

  @PostMapping("/api/authority/traces/person")
  @Operation(
      summary = "Where a person passed between two times",
      description =
          "The person by document; needs a legal basis and a case reference; the window is at"
              + " most 31 days. Audited against the person with the case.")
  @ApiResponse(responseCode = "200", description = "The passages")
  @Refusal(status = 400, code = "venues.trace.legal-basis-required")
  @Refusal(status = 400, code = "venues.trace.case-ref-required")
  @Refusal(status = 400, code = "venues.trace.window-invalid")
  @Refusal(status = 400, code = "venues.trace.window-too-long")
  @Refusal(status = 400, code = "identity.document.unknown-type")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 400, code = "venues.trace.cursor-invalid")
  @Refusal(status = 404, code = "venues.trace.person-unknown")
  TraceView person(@RequestBody PersonTraceRequest request) {
    var query = query(request.legalBasis(), request.caseRef(), request.from(), request.to());
    TraceCursor after = TraceCursor.parse(request.after());
    return view(query, after, personResult(request, query, after, MAX_ROWS));
  }

  @PostMapping(value = "/api/authority/traces/person/csv", produces = "text/csv")
  @Operation(summary = "Where a person passed, as CSV", description = "Audited as the query is.")
  @ApiResponse(responseCode = "200", description = "The CSV file")
  @Refusal(status = 400, code = "venues.trace.legal-basis-required")
  @Refusal(status = 400, code = "venues.trace.case-ref-required")
  @Refusal(status = 400, code = "venues.trace.window-invalid")
  @Refusal(status = 400, code = "venues.trace.window-too-long")
  @Refusal(status = 400, code = "venues.trace.too-many")
  @Refusal(status = 404, code = "venues.trace.person-unknown")
  ResponseEntity<byte[]> personCsv(@RequestBody PersonTraceRequest request) {
    var query = query(request.legalBasis(), request.caseRef(), request.from(), request.to());
    return csv(personResult(request, query, null, MAX_EXPORT), "person-trace-" + query.caseRef());
  }

  private TraceResult venueResult(
      VenueTraceRequest request, TraceQuery query, @Nullable TraceCursor after, int limit) {
    if (request.venueId() == null) {
      throw SuishenException.badInput("venues.trace.venue-required");
    }
    return traces.venue(request.venueId(), query, after, limit, CurrentActor.get());
  }

  private TraceResult personResult(
      PersonTraceRequest request, TraceQuery query, @Nullable TraceCursor after, int limit) {
    DocumentType type =
        request.documentType() == null
            ? DocumentType.RESIDENT_ID
            : DocumentType.parse(request.documentType());
    String number = request.documentNumber() == null ? "" : request.documentNumber();
    return traces.person(
        IdentityDocument.of(type, number), query, after, limit, CurrentActor.get());
  }

  private TraceQuery query(
      @Nullable String basis,
      @Nullable String caseRef,
      @Nullable Instant from,
      @Nullable Instant to) {
    return TraceQuery.of(basis, caseRef, from, to, properties.traceMaxSpan());
  }

  private TraceView view(TraceQuery query, @Nullable TraceCursor after, TraceResult result) {
    TraceCursor next = result.next();
    return new TraceView(
        query.legalBasis(),
        query.caseRef(),
        query.from(),
        query.to(),
        result.rows().stream().map(this::row).toList(),
        after == null ? null : after.text(),
        next == null ? null : next.text(),
        result.truncated());
  }

  private TraceRowView row(TraceRow r) {
    var p = r.passage();
    var person = r.person();
    var venue = r.venue();
    return new TraceRowView(
        p.id(),
        p.passedAt(),
        views.text(p.passedAt()),
        p.venueId(),
        venue == null ? null : venue.name(),
        venue == null ? null : venue.address(),
        p.provenance().name(),
        p.recordedBy(),
        p.personId(),
        person == null ? null : person.name(),
        person == null ? null : person.document().type().name(),
        person == null ? null : person.document().number(),
        p.credential(),
        p.admitted(),
        p.reason(),
        p.colour(),
        p.temperature(),
        p.offline());
  }

  private ResponseEntity<byte[]> csv(TraceResult result, String name) {
    if (result.truncated()) {
      throw SuishenException.badInput("venues.trace.too-many", MAX_EXPORT);
    }
    var out = new StringWriter();
    try (var printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(
          "passedAt",
          "venueName",
          "venueAddress",
          "provenance",
          "recordedBy",
          "name",
          "documentType",
          "documentNumber",
          "credential",
          "admitted",
          "reason",
          "colour",
          "temperature",
          "offline");
      for (TraceRow r : result.rows()) {
        TraceRowView v = row(r);
        printer.printRecord(
            v.passedAtText(),
            cell(v.venueName()),
            cell(v.venueAddress()),
            v.provenance(),
            v.recordedBy(),
            cell(v.name()),
            v.documentType(),
            v.documentNumber(),
            v.credential(),
            v.admitted(),
            v.reason(),
            v.colour(),
            v.temperature(),
            v.offline());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a byte-order mark, so that spreadsheet programs read the Chinese as UTF-8
    byte[] body = ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file).build().toString())
        .body(body);
  }

  /** A text cell that a spreadsheet would run as a formula is quoted as text. */
  private static @Nullable String cell(@Nullable String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
