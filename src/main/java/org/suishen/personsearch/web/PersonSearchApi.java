package org.suishen.personsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
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

  @Schema(description = "Find a person by document (type and number) or by phone, and say why")
  record Query(
      @Schema(
              description = "With documentNumber; one of the identity document types",
              example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(example = "310101199001011234") @Nullable String documentNumber,
      @Schema(
              description =
                  "Instead of a document: a mainland mobile number (health authority only)",
              example = "13812345678")
          @Nullable String phone,
      @Schema(
              description =
                  "Why the person is looked up (required, 4 to 200 characters); written to the"
                      + " audit trail",
              example = "处理申诉 0b6f3c8e：申诉人来电核实")
          @Nullable String reason) {}

  @Schema(description = "The people found: at most one, none when nobody matches")
  record Answer(List<Match> matches) {}

  @Schema(description = "A person found, masked")
  record Match(
      @Schema(
              description = "The internal id to act on (appeal, review, manual change)",
              example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a")
          UUID personId,
      @Schema(example = "王*明") String maskedName,
      @Schema(example = "RESIDENT_ID") String documentType,
      @Schema(example = "3101**********1234") String maskedDocumentNumber,
      @Schema(example = "1990") int birthYear,
      @Schema(example = "36") int age,
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
          "Roles: APPEAL_REVIEWER (by document), HEALTH_AUTHORITY (by document or phone; sees the"
              + " current colour). Send documentType + documentNumber, or phone, and a reason;"
              + " every search is audited (personsearch.person.searched, with the reason and what"
              + " was searched by, never the number) whether it finds someone or not. Nobody"
              + " matching is 200 with no matches, not 404. Problem codes:"
              + " personsearch.reason.required, personsearch.reason.too-long,"
              + " personsearch.criterion.required, personsearch.criterion.ambiguous,"
              + " personsearch.document.incomplete, identity.document.* (the number's format),"
              + " citizen.phone.format (400); personsearch.phone.not-allowed, auth.forbidden"
              + " (403); auth.required (401).")
  @ApiResponse(responseCode = "200", description = "The matches (empty when nobody matches)")
  @ApiResponse(
      responseCode = "400",
      description = "No reason, no or two criteria, or a malformed number (nothing read)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description = "Not a reviewer or the authority, or a reviewer searching by phone",
      content = @Content(mediaType = "application/problem+json"))
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
