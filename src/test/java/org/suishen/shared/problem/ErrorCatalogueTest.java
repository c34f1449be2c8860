package org.suishen.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error code the source can raise has a message in Chinese and in English, and is in
 * docs/errors.md; the file is what the source and the bundles make of it.
 */
class ErrorCatalogueTest {

  static ProblemCodeScanner.Result scanned;

  @BeforeAll
  static void scan() {
    scanned = ErrorCatalogue.scan();
  }

  @Test
  void everyCodeTheSourceRaisesHasAChineseAndAnEnglishMessage() {
    Map<String, String> chinese = ErrorCatalogue.messages("");
    Map<String, String> english = ErrorCatalogue.messages("_en");
    List<String> missing =
        scanned.codes().entrySet().stream()
            .filter(e -> !chinese.containsKey(e.getKey()) || !english.containsKey(e.getKey()))
            .map(
                e ->
                    e.getKey()
                        + (chinese.containsKey(e.getKey()) ? "" : " (no Chinese)")
                        + (english.containsKey(e.getKey()) ? "" : " (no English)")
                        + " raised at "
                        + e.getValue())
            .toList();
    assertThat(missing)
        .as(
            "add error.<code> to messages*.properties or i18n/<context>*.properties, both"
                + " languages, then regenerate docs/errors.md")
        .isEmpty();
  }

  @Test
  void everyFlowOfACodeIsFollowedToItsEnd() {
    assertThat(scanned.unresolved())
        .as(
            "the scanner cannot tell which codes these expressions carry: write the code where it"
                + " is raised (a literal or constant), or declare where it is stored"
                + " (ErrorCatalogue.CARRIERS / OPAQUE)")
        .isEmpty();
  }

  @Test
  void everyMessageIsInBothLanguages() {
    Set<String> chinese = ErrorCatalogue.messages("").keySet();
    Set<String> english = ErrorCatalogue.messages("_en").keySet();
    assertThat(chinese).as("error.* keys without English").isSubsetOf(english);
    assertThat(english).as("error.* keys without Chinese").isSubsetOf(chinese);
  }

  @Test
  void theScannerFindsTheCodesOfEveryWayTheyAreMade() {
    Map<String, Set<ProblemCodeScanner.Site>> codes = scanned.codes();
    assertThat(codes)
        .containsKeys(
            // SuishenException.badInput / notFound / ... with a literal
            "appeals.kind.invalid",
            "identity.import.not-found",
            // a constant of another class
            "identity.document.format",
            // new SuishenException(..., HttpStatus.X) and a subclass's super(CONSTANT, ...)
            "citizen.sms.unavailable",
            "dependants.binding.too-many-attempts",
            // a prefix parameter with a suffix (PersonNamePolicy, FreeText)
            "appeals.name.required",
            "appeals.text.too-long",
            // Refused.of(status, code), helper parameters, switch results
            "request.multipart.malformed",
            "request.parameter.missing",
            "request.conflict",
            "server.busy",
            "auth.csrf",
            // through a record (SessionRecheckFilter.Ended) and an accessor (LoginLocked.code())
            "citizen.session.ended",
            "accounts.session.ended",
            // carriers and SQL
            "identity.import.duplicate",
            "status.feed.value-missing",
            "status.feed.duplicate-row");
    Map<String, Set<Integer>> statuses = scanned.statuses();
    assertThat(statuses.get("appeals.kind.invalid")).containsExactly(400);
    assertThat(statuses.get("server.busy")).containsExactly(503);
    assertThat(statuses.get("request.conflict")).containsExactly(409);
  }

  @Test
  void docsErrorsMdIsUpToDate() throws Exception {
    String generated = ErrorCatalogue.markdown(ErrorCatalogue.entries(scanned));
    if (Boolean.getBoolean("suishen.errors.write")) {
      Files.writeString(ErrorCatalogue.DOCUMENT, generated, StandardCharsets.UTF_8);
    }
    String written =
        Files.exists(ErrorCatalogue.DOCUMENT)
            ? Files.readString(ErrorCatalogue.DOCUMENT, StandardCharsets.UTF_8)
            : "";
    assertThat(written)
        .as(
            "docs/errors.md is out of date; regenerate it with"
                + " ./mvnw -q test -Dtest=ErrorCatalogueTest -Dsuishen.errors.write=true")
        .isEqualTo(generated);
  }

  @Test
  void everyCodeRaisedIsInTheCatalogue() {
    Set<String> catalogued =
        ErrorCatalogue.entries(scanned).stream()
            .map(ErrorCatalogue.Entry::code)
            .collect(Collectors.toSet());
    assertThat(catalogued).containsAll(scanned.codes().keySet());
  }
}
