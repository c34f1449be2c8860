package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.sampling.internal.LabResults;
import org.suishen.sampling.internal.ResultReport;
import org.suishen.sampling.internal.ResultRow;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * A lab reports its tubes: JSON batches for the lab's information system, CSV for a file. Row by
 * row, idempotent, with a rejection report.
 */
@RestController
@Tag(name = "Sampling: lab results", description = "Results per tube and where they go (S3, S4)")
class LabResultsApi {

  static final String SUMMARY = "Report tube results";
  static final String DESCRIPTION =
      "Results per tube of this lab: NEGATIVE (every member negative), POSITIVE (a single tube:"
          + " the person's result is positive and the status engine decides the colour; a pooled"
          + " tube: every member is recalled for a single-tube retest) or INVALID (every member is"
          + " recalled to be sampled again). Row by row: an unknown tube, a tube this lab did not"
          + " receive or a different result for a tube already reported is rejected with its"
          + " reason and the others go on; the same result again is unchanged, so a retried"
          + " upload records nothing twice. Audited (sampling.results.reported).";

  private final LabResults results;
  private final MessageSource messages;

  LabResultsApi(LabResults results, MessageSource messages) {
    this.results = results;
    this.messages = messages;
  }

  @Schema(name = "TubeResultRow", description = "One tube's result")
  record Row(
      @Schema(example = "000000001236") @Nullable String tubeBarcode,
      @Schema(
              allowableValues = {"NEGATIVE", "POSITIVE", "INVALID"},
              example = "NEGATIVE")
          @Nullable String result) {}

  @Schema(name = "TubeResultsRequest", description = "A batch of results, at most 100 000 rows")
  record Batch(
      @ArraySchema(
              arraySchema =
                  @Schema(
                      description = "The rows; not echoed back (the report names rows by line)",
                      accessMode = Schema.AccessMode.WRITE_ONLY),
              schema = @Schema(implementation = Row.class))
          @Nullable List<Row> results) {}

  @Schema(name = "TubeResultRejection", description = "A row not taken, with its reason")
  record RejectionView(
      @Schema(
              description = "The line in the file or the position in the batch, from 1",
              example = "7")
          int line,
      @Schema(example = "000000009999") String tubeBarcode,
      @Schema(example = "sampling.tube.unknown") String code,
      @Schema(example = "未找到该试管。") String message) {}

  @Schema(name = "TubeResultsReport", description = "What the upload did, row by row")
  record ReportView(
      @Schema(example = "1200") int rows,
      @Schema(description = "Tubes whose result was recorded now", example = "1198") int accepted,
      @Schema(description = "The same result again (a retried upload)", example = "1")
          int unchanged,
      @Schema(description = "Person results the accepted tubes gave", example = "11980") int people,
      @ArraySchema(schema = @Schema(implementation = RejectionView.class))
          List<RejectionView> rejected) {}

  @PostMapping(path = "/api/lab/results", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = SUMMARY, description = DESCRIPTION)
  @ApiResponse(responseCode = "200", description = "The report")
  @Refusal(status = 409, code = "sampling.lab.not-assigned")
  @Refusal(status = 400, code = "sampling.results.empty")
  @Refusal(status = 400, code = "sampling.results.too-many")
  @Refusal(status = 400, code = "sampling.tube.barcode-invalid")
  @Refusal(status = 400, code = "sampling.results.result-invalid")
  @Refusal(status = 400, code = "sampling.results.duplicate-row")
  @Refusal(status = 404, code = "sampling.tube.unknown")
  @Refusal(status = 409, code = "sampling.results.not-received-here")
  @Refusal(status = 409, code = "sampling.results.final")
  @Refusal(status = 409, code = "sampling.results.damaged-tube")
  ReportView json(@RequestBody Batch batch) {
    List<Row> sent = batch.results() == null ? List.of() : batch.results();
    var rows = new ArrayList<ResultRow>(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      Row row = sent.get(i) == null ? new Row(null, null) : sent.get(i);
      rows.add(new ResultRow(i + 1, row.tubeBarcode(), row.result()));
    }
    return view(results.record(rows, CurrentActor.get()));
  }

  @PostMapping(path = "/api/lab/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = SUMMARY,
      description =
          DESCRIPTION
              + " The file: UTF-8 CSV with the header tubeBarcode,result; a file that is not such a"
              + " CSV is refused whole before anything is written.")
  @ApiResponse(responseCode = "200", description = "The report")
  @Refusal(status = 409, code = "sampling.lab.not-assigned")
  @Refusal(status = 400, code = "sampling.results.empty")
  @Refusal(status = 400, code = "sampling.results.too-many")
  @Refusal(status = 400, code = "sampling.results.csv-header")
  @Refusal(status = 400, code = "sampling.results.csv-malformed")
  @Refusal(status = 400, code = "sampling.results.csv-encoding")
  ReportView file(@RequestPart("file") MultipartFile file) throws IOException {
    try (InputStream body = file.getInputStream()) {
      return view(results.recordCsv(body, CurrentActor.get()));
    }
  }

  @PostMapping(path = "/api/lab/results", consumes = "text/csv")
  @Operation(
      summary = SUMMARY,
      description = DESCRIPTION + " The body: UTF-8 CSV with the header tubeBarcode,result.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "text/csv",
                      schema =
                          @Schema(
                              type = "string",
                              example = "tubeBarcode,result\n000000001236,NEGATIVE\n"))))
  @ApiResponse(responseCode = "200", description = "The report")
  @Refusal(status = 409, code = "sampling.lab.not-assigned")
  @Refusal(status = 400, code = "sampling.results.empty")
  @Refusal(status = 400, code = "sampling.results.too-many")
  @Refusal(status = 400, code = "sampling.results.csv-header")
  @Refusal(status = 400, code = "sampling.results.csv-malformed")
  @Refusal(status = 400, code = "sampling.results.csv-encoding")
  ReportView csv(jakarta.servlet.http.HttpServletRequest request) throws IOException {
    try (InputStream body = request.getInputStream()) {
      return view(results.recordCsv(body, CurrentActor.get()));
    }
  }

  private ReportView view(ResultReport report) {
    Locale locale = LocaleContextHolder.getLocale();
    return new ReportView(
        report.rows(),
        report.accepted(),
        report.unchanged(),
        report.people(),
        report.rejected().stream()
            .map(
                r ->
                    new RejectionView(
                        r.line(),
                        r.tubeBarcode(),
                        r.code(),
                        messages.getMessage(
                            "error." + r.code(), r.arguments().toArray(), r.code(), locale)))
            .toList());
  }
}
