package org.suishen.personsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.personsearch.internal.FoundPerson;
import org.suishen.personsearch.internal.PersonSearch;
import org.suishen.personsearch.internal.SearchRequest;
import org.suishen.personsearch.internal.Searcher;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.security.Role;

/**
 * {@code POST /api/staff/persons/search} (roles APPEAL_REVIEWER and HEALTH_AUTHORITY, enforced by
 * the security configuration). A POST, not a GET: document and phone numbers stay out of URLs,
 * access logs and browser histories.
 */
@RestController
@Tag(name = "Person search", description = "Staff find a person by document or phone (audited)")
class PersonSearchApi {

  private final PersonSearch search;

  PersonSearchApi(PersonSearch search) {
    this.search = search;
  }

  /**
   * A query, not a view to create: the number and the phone are never shown back (a match carries
   * the masked number), the reason goes to the audit trail only; the document type is each match's.
   */
  @Schema(
      name = "PersonSearchQuery",
      description = "Find a person by document (type and number) or by phone, and say why")
  record Query(
      @Schema(
              description = "With documentNumber; one of the identity document types",
              example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(
              description = "Never shown back: a match carries it masked",
              example = "310104198807120035",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String documentNumber,
      @Schema(
              description =
                  "Instead of a document: a mainland mobile number (health authority only); never"
                      + " shown back",
              example = "13812345678",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String phone,
      @Schema(
              description =
                  "Why the person is looked up (required, 4 to 200 characters); written to the"
                      + " audit trail only",
              example = "处理申诉 0b6f3c8e：申诉人来电核实",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String reason) {}

  @Schema(
      name = "PersonSearchAnswer",
      description = "The people found: at most one, none when nobody matches")
  record Answer(List<Match> matches) {}

  @Schema(name = "PersonSearchMatch", description = "A person found, masked")
  record Match(
      @Schema(
              description = "The internal id to act on (appeal, review, manual change)",
              example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a")
          UUID personId,
      @Schema(example = "刘*轩") String maskedName,
      @Schema(example = "RESIDENT_ID") String documentType,
      @Schema(example = "3101**********0035") String maskedDocumentNumber,
      @Schema(example = "1988") int birthYear,
      @Schema(example = "38") int age,
      @Schema(
              description = "The current colour: health authority only (absent for reviewers)",
              allowableValues = {"GREEN", "YELLOW", "RED"})
          @JsonInclude(JsonInclude.Include.NON_NULL)
          @Nullable String colour) {

    static Match of(FoundPerson p) {
      return new Match(
          p.personId(),
          p.maskedName(),
          p.documentType().name(),
          p.maskedDocumentNumber(),
          p.birthYear(),
          p.age(),
          p.colour() == null ? null : p.colour().name());
    }
  }

  @PostMapping("/api/staff/persons/search")
  @Operation(
      summary = "Find a person by document or phone",
      description =
          "APPEAL_REVIEWER by document, HEALTH_AUTHORITY by document or phone (and sees the"
              + " current colour). Send documentType + documentNumber, or phone, and a reason;"
              + " every search is audited (personsearch.person.searched, with the reason and what"
              + " was searched by, never the number) whether it finds someone or not. Nobody"
              + " matching is 200 with no matches, not 404. A refusal reads nothing. Never"
              + " cached.")
  @ApiResponse(responseCode = "200", description = "The matches (empty when nobody matches)")
  @Refusal(status = 400, code = "personsearch.reason.required")
  @Refusal(status = 400, code = "personsearch.reason.too-long")
  @Refusal(status = 400, code = "personsearch.criterion.required")
  @Refusal(status = 400, code = "personsearch.criterion.ambiguous")
  @Refusal(status = 400, code = "personsearch.document.incomplete")
  @Refusal(status = 400, code = "identity.document.unknown-type")
  @Refusal(status = 400, code = "identity.document.format")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 400, code = "identity.document.birth-date")
  @Refusal(status = 400, code = "identity.document.region")
  @Refusal(status = 400, code = "citizen.phone.format")
  @Refusal(status = 403, code = "personsearch.phone.not-allowed")
  ResponseEntity<Answer> search(@RequestBody Query query) {
    var found =
        search.search(
            new SearchRequest(
                query.documentType(), query.documentNumber(), query.phone(), query.reason()),
            new Searcher(CurrentActor.get(), healthAuthority()));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Answer(found.stream().map(Match::of).toList()));
  }

  private static boolean healthAuthority() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.getAuthorities().stream()
            .anyMatch(a -> Role.HEALTH_AUTHORITY.authority().equals(a.getAuthority()));
  }
}
