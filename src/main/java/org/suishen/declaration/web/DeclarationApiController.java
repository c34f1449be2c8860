package org.suishen.declaration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.declaration.FeverClinicAdvice;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.declaration.internal.DeclarationDesk;
import org.suishen.declaration.internal.DeclarationForm;
import org.suishen.declaration.internal.DeclarationProperties;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/** The registered citizen's own health declarations. */
@RestController
@Tag(
    name = "Health declaration",
    description = "Health declarations (健康信息登记, H1), one's own and a bound dependant's")
class DeclarationApiController {

  private final DeclarationDesk desk;
  private final FeverClinicAdvice feverClinic;
  private final MessageSource messages;
  private final HealthDeclarations declarations;
  private final int historyLimit;

  DeclarationApiController(
      DeclarationDesk desk,
      HealthDeclarations declarations,
      DeclarationProperties properties,
      FeverClinicAdvice feverClinic,
      MessageSource messages) {
    this.desk = desk;
    this.feverClinic = feverClinic;
    this.messages = messages;
    this.declarations = declarations;
    this.historyLimit = properties.historyLimit();
  }

  /** Submits a new declaration; it becomes the latest. */
  @PostMapping("/api/me/declarations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Declare health information (健康信息登记)",
      description =
          "Needs a claimed identity (real-name registration). Stores the declaration; it becomes"
              + " the latest. The answer carries it and statusUrl, the status that follows from"
              + " it: the engine evaluates the declaration asynchronously just after it is"
              + " stored, so statusUrl answers 202 (Retry-After) until then and the new colour"
              + " after. A refusal stores nothing. Audited (declaration.submitted).")
  @ApiResponse(responseCode = "201", description = "The declaration and its status link")
  @DeclarationFormRefusals
  @Refusal(status = 403, code = "citizen.registration.required")
  @Refusal(status = 429, code = PersonWriteLimits.CODE)
  DeclaredView declare(
      @AuthenticationPrincipal CitizenPrincipal citizen, @RequestBody DeclarationForm form) {
    var declared = desk.declare(RegisteredPerson.of(citizen), CurrentActor.get(), form);
    return DeclaredView.of(
        DeclarationView.of(declared),
        feverClinic.advises(declared)
            ? messages.getMessage("declaration.fever-clinic", null, LocaleContextHolder.getLocale())
            : null);
  }

  /** The latest declaration; 404 {@code declaration.not-found} before the first one. */
  @GetMapping("/api/me/declarations/latest")
  @Operation(summary = "My latest health declaration")
  @Refusal(status = 403, code = "citizen.registration.required")
  @Refusal(status = 404, code = "declaration.not-found")
  DeclarationView latest(@AuthenticationPrincipal CitizenPrincipal citizen) {
    return declarations
        .latest(RegisteredPerson.of(citizen))
        .map(DeclarationView::of)
        .orElseThrow(() -> SuishenException.notFound("declaration.not-found"));
  }

  /** All declarations, newest first (at most {@code suishen.declaration.history-limit}). */
  @GetMapping("/api/me/declarations")
  @Operation(
      summary = "My health declarations, newest first",
      description =
          "At most suishen.declaration.history-limit, also those a family member made for me"
              + " (declaredBy).")
  @Refusal(status = 403, code = "citizen.registration.required")
  List<DeclarationView> history(@AuthenticationPrincipal CitizenPrincipal citizen) {
    return declarations.history(RegisteredPerson.of(citizen), historyLimit).stream()
        .map(DeclarationView::of)
        .toList();
  }
}
