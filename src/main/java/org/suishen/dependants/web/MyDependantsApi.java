package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.dependants.internal.BindingRemoval;
import org.suishen.dependants.internal.DependantBindings;
import org.suishen.dependants.internal.DependantClaim;
import org.suishen.dependants.internal.DependantList;
import org.suishen.dependants.internal.DependantRow;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * A citizen's dependants (MISSION R1-R3): list, bind (JSON for a dependant of the same household,
 * multipart with a household-register page otherwise), remove. A dependant is addressed by their
 * person id ({@code dependantId}) here and in every other {@code
 * /api/me/dependants/{dependantId}/…} path (NAT code, proxy code); it means the holder's current
 * binding of that dependant.
 */
@RestController
@RequestMapping("/api/me/dependants")
@Tag(name = "Dependants", description = "A family member's dependants (亲属, R1-R3)")
class MyDependantsApi {

  private static final String BIND_SUMMARY = "Bind a dependant";

  private static final String BIND_DESCRIPTION =
      "JSON (documentType, documentNumber, name, relationship) for a dependant of the same"
          + " household of the register: APPROVED at once. The relationship (who the dependant is"
          + " to the holder: CHILD, GRANDCHILD, PARENT, GRANDPARENT, SPOUSE, OTHER_WARD) is"
          + " required and shown back. Otherwise multipart/form-data with the same fields and"
          + " the file evidence, a household-register page (JPEG, PNG or PDF, recognised by its"
          + " content, at most suishen.dependants.evidence-max-size): PENDING until a reviewer"
          + " decides. 201 with Location /api/me/dependants/{dependantId}. A claim that matches"
          + " nobody or names someone who may not be bound counts towards the attempt limit; at"
          + " the limit, 429 with Retry-After. Audited with both people.";

  /** The multipart application's fields, as the OpenAPI document shows them. */
  @Schema(description = "Who to bind, with the household-register page")
  record EvidenceApplication(
      @Schema(
              description = "RESIDENT_ID, FOREIGN_PASSPORT, … (see DocumentType)",
              example = "RESIDENT_ID")
          String documentType,
      @Schema(description = "In full; shown back masked", example = "310104201904120035")
          String documentNumber,
      @Schema(description = "As in the register; shown back masked", example = "李小宝") String name,
      @Schema(
              description = BindRequest.RELATIONSHIP_DESCRIPTION,
              allowableValues = {
                "CHILD",
                "GRANDCHILD",
                "PARENT",
                "GRANDPARENT",
                "SPOUSE",
                "OTHER_WARD"
              },
              requiredMode = Schema.RequiredMode.REQUIRED,
              example = "GRANDPARENT")
          String relationship,
      @Schema(
              description = "The household-register page (JPEG, PNG or PDF)",
              type = "string",
              format = "binary",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          String evidence) {}

  private final DependantBindings bindings;
  private final DependantList list;
  private final BindingRemoval removal;

  MyDependantsApi(DependantBindings bindings, DependantList list, BindingRemoval removal) {
    this.bindings = bindings;
    this.list = list;
    this.removal = removal;
  }

  @GetMapping
  @Operation(
      summary = "My dependants",
      description =
          "One entry per dependant, the holder's current binding of them: pending or approved,"
              + " recently rejected (suishen.dependants.rejections-shown-for), or recently ended"
              + " by coming of age. Masked; each dependant shown is audited.")
  @Refusal(status = 403, code = "dependants.holder-unregistered")
  List<DependantJson> mine() {
    return list.shownTo(CurrentActor.requireCitizen()).stream().map(DependantJson::of).toList();
  }

  @GetMapping("/{dependantId}")
  @Operation(
      summary = "One of my dependants",
      description =
          "The holder's current binding of the dependant: the pending or approved one, else the"
              + " latest application (rejected or removed). Masked. Audited.")
  @Refusal(status = 403, code = "dependants.holder-unregistered")
  @Refusal(status = 404, code = "dependants.binding-not-found")
  DependantJson one(
      @Parameter(description = "The dependant's person id (dependantId of the list)") @PathVariable
          UUID dependantId) {
    return DependantJson.of(list.one(CurrentActor.requireCitizen(), dependantId));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = BIND_SUMMARY, description = BIND_DESCRIPTION)
  @ApiResponse(responseCode = "201", description = "Bound (APPROVED) or waiting (PENDING)")
  @Refusal(status = 400, code = "dependants.document-type")
  @Refusal(status = 400, code = "dependants.document-number-required")
  @Refusal(status = 400, code = "dependants.name-required")
  @Refusal(status = 400, code = "dependants.relationship")
  @Refusal(status = 400, code = "identity.document.format")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 400, code = "identity.document.birth-date")
  @Refusal(status = 400, code = "identity.document.region")
  @Refusal(status = 400, code = "dependants.identity-mismatch")
  @Refusal(status = 400, code = "dependants.self")
  @Refusal(status = 400, code = "dependants.not-eligible")
  @Refusal(status = 400, code = "dependants.evidence-required")
  @Refusal(status = 403, code = "dependants.holder-unregistered")
  @Refusal(status = 409, code = "dependants.already-bound")
  @Refusal(status = 409, code = "dependants.already-pending")
  @Refusal(status = 409, code = "dependants.limit")
  @Refusal(status = 429, code = "dependants.binding.too-many-attempts")
  @Refusal(status = 429, code = PersonWriteLimits.CODE)
  ResponseEntity<DependantJson> bind(@RequestBody BindRequest request) {
    return created(
        bindings.bind(
            CurrentActor.requireCitizen(),
            new DependantClaim(
                request.documentType(),
                request.documentNumber(),
                request.name(),
                request.relationship()),
            null));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = BIND_SUMMARY,
      description = BIND_DESCRIPTION,
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = EvidenceApplication.class))))
  @ApiResponse(responseCode = "201", description = "Bound (APPROVED) or waiting (PENDING)")
  @Refusal(status = 400, code = "dependants.document-type")
  @Refusal(status = 400, code = "dependants.document-number-required")
  @Refusal(status = 400, code = "dependants.name-required")
  @Refusal(status = 400, code = "dependants.relationship")
  @Refusal(status = 400, code = "identity.document.format")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 400, code = "identity.document.birth-date")
  @Refusal(status = 400, code = "identity.document.region")
  @Refusal(status = 400, code = "dependants.identity-mismatch")
  @Refusal(status = 400, code = "dependants.self")
  @Refusal(status = 400, code = "dependants.not-eligible")
  @Refusal(status = 400, code = "dependants.evidence-required")
  @Refusal(status = 400, code = "dependants.evidence-too-large")
  @Refusal(status = 400, code = "dependants.evidence-type")
  @Refusal(status = 403, code = "dependants.holder-unregistered")
  @Refusal(status = 409, code = "dependants.already-bound")
  @Refusal(status = 409, code = "dependants.already-pending")
  @Refusal(status = 409, code = "dependants.limit")
  @Refusal(status = 429, code = "dependants.binding.too-many-attempts")
  @Refusal(status = 429, code = PersonWriteLimits.CODE)
  ResponseEntity<DependantJson> bindWithEvidence(
      @Parameter(hidden = true) @RequestParam(required = false) @Nullable String documentType,
      @Parameter(hidden = true) @RequestParam(required = false) @Nullable String documentNumber,
      @Parameter(hidden = true) @RequestParam(required = false) @Nullable String name,
      @Parameter(hidden = true) @RequestParam(required = false) @Nullable String relationship,
      @Parameter(hidden = true) @RequestPart(required = false) @Nullable MultipartFile evidence) {
    return created(
        bindings.bind(
            CurrentActor.requireCitizen(),
            new DependantClaim(documentType, documentNumber, name, relationship),
            MultipartUpload.of(evidence)));
  }

  @DeleteMapping("/{dependantId}")
  @Operation(
      summary = "Withdraw or remove a dependant",
      description =
          "Ends the holder's current binding of the dependant: withdraws a pending application,"
              + " removes an approved binding (proxy codes for it stop working at once). Audited"
              + " with both people.")
  @ApiResponse(responseCode = "204", description = "Ended")
  @Refusal(status = 403, code = "dependants.holder-unregistered")
  @Refusal(status = 404, code = "dependants.binding-not-found")
  @Refusal(status = 409, code = "dependants.not-active")
  ResponseEntity<Void> remove(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    removal.remove(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<DependantJson> created(DependantRow row) {
    return ResponseEntity.created(URI.create("/api/me/dependants/" + row.binding().dependant()))
        .body(DependantJson.of(row));
  }
}
