package org.suishen.shared.problem;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The catalogue of error codes: every {@code error.<code>} message of the bundles the application
 * names ({@code spring.messages.basename}), in Chinese (the default bundle) and English ({@code
 * _en}), with the HTTP statuses the source states for it ({@link ProblemCodeScanner}), written as
 * {@code docs/errors.md}. {@link ErrorCatalogueTest} keeps the file up to date.
 */
final class ErrorCatalogue {

  static final Path MAIN_SOURCE = Path.of("src/main/java");
  static final Path RESOURCES = Path.of("src/main/resources");
  static final Path DOCUMENT = Path.of("docs/errors.md");

  /** A code and its messages ({@code null} where a language lacks it). */
  record Entry(String code, String chinese, String english, Set<Integer> statuses) {}

  private ErrorCatalogue() {}

  /** Codes are written to storage here and read back, so that their flow ends in the database. */
  static final List<ProblemCodeScanner.Carrier> CARRIERS =
      List.of(
          new ProblemCodeScanner.Carrier(
              "RowRefused",
              "<init>",
              0,
              "a register row's reason → register_import_rejection.reason"),
          new ProblemCodeScanner.Carrier(
              "RegisterImportJobs",
              "fail",
              1,
              "a failed register import → register_import.failure"),
          new ProblemCodeScanner.Carrier(
              "RowRejected", "<init>", 0, "a feed row's reason → status_feed_rejection.code"),
          new ProblemCodeScanner.Carrier(
              "FeedContext",
              "reject",
              0,
              "a feed row's reason (in SQL) → status_feed_rejection.code"),
          new ProblemCodeScanner.Carrier(
              "Rejection", "<init>", 1, "a feed report's row reason → status_feed_rejection.code"),
          new ProblemCodeScanner.Carrier(
              "LabResults", "reject", 2, "a lab result row's reason → the upload's report"));

  /** Expressions whose codes come back from storage; they were written through a carrier. */
  static final List<ProblemCodeScanner.Opaque> OPAQUE =
      List.of(
          new ProblemCodeScanner.Opaque(
              "RegisterImportJobs.java", "rs.getString(\"reason\")", "written by RowRefused"),
          new ProblemCodeScanner.Opaque(
              "RegisterImportJobs.java",
              "rs.getString(\"failure\")",
              "written by RegisterImportJobs.fail"),
          new ProblemCodeScanner.Opaque(
              "FeedRecords.java", "rs.getString(\"code\")", "written by RowRejected, reject"),
          new ProblemCodeScanner.Opaque(
              "FeedReportView.java", "r.code()", "a FeedReport.Rejection read by FeedRecords"),
          new ProblemCodeScanner.Opaque(
              "LabResultsApi.java",
              "r.code()",
              "a ResultReport.RowRefusal made by LabResults.reject"),
          new ProblemCodeScanner.Opaque(
              "SamplingPages.java",
              "r.code()",
              "a ResultReport.RowRefusal made by LabResults.reject"),
          new ProblemCodeScanner.Opaque(
              "ApiDocumentation.java",
              "refusal.code()",
              "the codes a handler declares with @Refusal, each checked by ApiContractIT"),
          new ProblemCodeScanner.Opaque(
              "RegisterImportPage.java",
              "selected.failure()",
              "a RegisterImportJob read by RegisterImportJobs"));

  static ProblemCodeScanner.Result scan() {
    return ProblemCodeScanner.scan(MAIN_SOURCE, CARRIERS, OPAQUE);
  }

  static List<String> basenames() {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    String basename = yaml.getObject().getProperty("spring.messages.basename");
    return Arrays.stream(basename.split(",")).map(String::trim).toList();
  }

  /** Every {@code error.*} message of one language: {@code ""} for Chinese, {@code "_en"}. */
  static Map<String, String> messages(String suffix) {
    Map<String, String> messages = new TreeMap<>();
    for (String basename : basenames()) {
      Path file = RESOURCES.resolve(basename + suffix + ".properties");
      var properties = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String key : properties.stringPropertyNames()) {
        if (key.startsWith("error.")) {
          messages.put(key.substring("error.".length()), properties.getProperty(key));
        }
      }
    }
    return messages;
  }

  static List<Entry> entries(ProblemCodeScanner.Result result) {
    Map<String, String> chinese = messages("");
    Map<String, String> english = messages("_en");
    Map<String, Set<Integer>> statuses = result.statuses();
    var codes = new java.util.TreeSet<String>();
    codes.addAll(chinese.keySet());
    codes.addAll(english.keySet());
    return codes.stream()
        .map(
            code ->
                new Entry(
                    code,
                    chinese.get(code),
                    english.get(code),
                    statuses.getOrDefault(code, Set.of())))
        .toList();
  }

  static String markdown(List<Entry> entries) {
    var out = new StringBuilder();
    out.append("# Error codes\n\n");
    out.append(
        """
        Every refusal of the API is an RFC 9457 `application/problem+json` body: `type` ends in the \
        code, `code` repeats it, `detail` (and `title`) is the message in the caller's language \
        (`?lang=en` or the `suishen-lang` cookie, Chinese by default), `messageZh` and `messageEn` \
        carry both; a validation refusal adds `violations: [{field, code}]` (the field as the client \
        sent it, the constraint, e.g. `not-blank`, `size`, `required`, `type-mismatch`). Pages show \
        the same message and code on the error page, with a way back; a client that asks a page \
        path for JSON only (`Accept: application/json` or `application/problem+json`, no \
        `text/html`) gets the problem body instead, and `/api/**` always answers problem+json. A \
        code is stable: clients may act on it.

        Status: the HTTP status the source gives the code (several when it is raised in several \
        ways); `—` for a reason reported inside an import or feed report rather than as a refusal, \
        or a code whose status follows the refusal it stands for. How failures outside our own \
        code map to codes (framework refusals, a busy database, CSRF): `shared.problem.Refusals`.

        Generated from the source and the message bundles by `ErrorCatalogueTest`; do not edit. \
        To regenerate: `./mvnw -q test -Dtest=ErrorCatalogueTest -Dsuishen.errors.write=true`.

        """);
    Map<String, List<Entry>> byContext =
        entries.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.code().substring(0, e.code().indexOf('.')),
                    TreeMap::new,
                    Collectors.toList()));
    byContext.forEach(
        (context, list) -> {
          out.append("## ").append(context).append("\n\n");
          out.append("| code | status | 中文 | English |\n|---|---|---|---|\n");
          for (Entry e : list) {
            out.append("| `")
                .append(e.code())
                .append("` | ")
                .append(
                    e.statuses().isEmpty()
                        ? "—"
                        : e.statuses().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", ")))
                .append(" | ")
                .append(cell(e.chinese()))
                .append(" | ")
                .append(cell(e.english()))
                .append(" |\n");
          }
          out.append('\n');
        });
    return out.toString().stripTrailing() + "\n";
  }

  private static String cell(String text) {
    return text == null ? "(missing)" : text.replace("|", "\\|").replace("\n", " ");
  }
}
