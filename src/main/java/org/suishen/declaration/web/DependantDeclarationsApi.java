package org.suishen.declaration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.declaration.Guardian;
import org.suishen.declaration.internal.DeclarationForm;
import org.suishen.declaration.internal.DeclarationProperties;
import org.suishen.declaration.internal.GuardianDeclarations;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/**
 * A holder declares for a dependant who cannot declare themselves (H1, R1-R4): the same form and
 * rules as one's own declaration, addressed by the dependant's person id, refused without a
 * standing binding before anything is read or written.
 */
@RestController
@RequestMapping("/api/me/dependants/{dependantId}/declarations")
@Tag(
    name = "Health declaration",
    description = "Health declarations (健康信息登记, H1), one's own and a bound dependant's")
class DependantDeclarationsApi {

  private static final String BINDING =
      " Needs the holder's claimed identity (citizen.registration.required) and a standing"
          + " binding to the dependant (dependants.not-bound: none, pending, rejected or removed;"
          + " dependants.came-of-age: a minor binding of a dependant now of age), checked before"
          + " anything is read or written.";

  private final GuardianDeclarations guardians;
  private final int historyLimit;

  DependantDeclarationsApi(GuardianDeclarations guardians, DeclarationProperties properties) {
    this.guardians = guardians;
    this.historyLimit = properties.historyLimit();
  }

  @PostMapping
  @Operation(
      summary = "Declare health information for a bound dependant",
      description =
          "The same form and rules as POST /api/me/declarations; the declaration becomes the"
              + " dependant's latest, names the holder and the binding (declaredBy), is audited"
              + " declaration.submitted with both people, and the dependant's colour follows from"
              + " it. Nothing is written on a refusal."
              + BINDING)
  @ApiResponse(responseCode = "201", description = "The dependant's new declaration")
  @DeclarationFormRefusals
  @Refusal(status = 403, code = "citizen.registration.required")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 429, code = PersonWriteLimits.CODE)
  ResponseEntity<DeclarationView> declare(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId,
      @RequestBody DeclarationForm form) {
    Guardian guardian = guardian(citizen, dependantId);
    var declaration = guardians.declare(guardian, CurrentActor.get(), form);
    return ResponseEntity.created(
            URI.create("/api/me/dependants/" + dependantId + "/declarations/latest"))
        .body(DeclarationView.of(declaration));
  }

  @GetMapping("/latest")
  @Operation(
      summary = "A bound dependant's latest health declaration",
      description =
          "Audited declaration.read with both people; declaration.not-found before the first."
              + BINDING)
  @ApiResponse(responseCode = "200", description = "The latest declaration")
  @Refusal(status = 403, code = "citizen.registration.required")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 404, code = "declaration.not-found")
  DeclarationView latest(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    return guardians
        .latest(guardian(citizen, dependantId), CurrentActor.get())
        .map(DeclarationView::of)
        .orElseThrow(() -> SuishenException.notFound("declaration.not-found"));
  }

  @GetMapping
  @Operation(
      summary = "A bound dependant's health declarations, newest first",
      description =
          "At most suishen.declaration.history-limit, whoever declared them. Audited"
              + " declaration.read with both people."
              + BINDING)
  @ApiResponse(responseCode = "200", description = "The declarations, newest first")
  @Refusal(status = 403, code = "citizen.registration.required")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  List<DeclarationView> history(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    return guardians
        .history(guardian(citizen, dependantId), CurrentActor.get(), historyLimit)
        .stream()
        .map(DeclarationView::of)
        .toList();
  }

  private Guardian guardian(CitizenPrincipal citizen, UUID dependantId) {
    return guardians.guardian(RegisteredPerson.of(citizen), dependantId);
  }
}
