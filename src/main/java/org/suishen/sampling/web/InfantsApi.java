package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.Infants;
import org.suishen.sampling.internal.PresentedCredential;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** An infant without any document, registered by hand by a parent (001 Q12). */
@RestController
@Tag(
    name = "Sampling: tubes",
    description = "Tubes and registrations at the sampling table (S1, S2, S4)")
class InfantsApi {

  private final Infants infants;

  InfantsApi(Infants infants) {
    this.infants = infants;
  }

  @Schema(
      name = "InfantRegistrationRequest",
      description =
          "The parent's credential (as for any registration) and the child's details, entered by"
              + " staff")
  record InfantRequest(
      @Schema(example = "sampling-0001:2026-04-02:000174") @Nullable String idempotencyKey,
      @Schema(
              description = "How the parent identifies themself",
              allowableValues = {"CODE", "ID_CARD", "TYPED_NUMBER"})
          @Nullable String credentialKind,
      @Schema(
              description = "For CODE: the parent's scanned code",
              example = "SSC:AQ...",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String payload,
      @Schema(description = "The parent's document type", example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(
              description = "The parent's document number",
              example = "310104198807120035",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String documentNumber,
      @Schema(
              description = "The parent's name, must match the register",
              example = "王小明",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String name,
      @Schema(
              description = "The child's name, 1-40 characters",
              example = "王小宝",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String childName,
      @Schema(
              allowableValues = {"MALE", "FEMALE"},
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String childSex,
      @Schema(
              description = "Under 6 years old",
              example = "2025-10-01",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable LocalDate childBirthDate,
      @Schema(
              description = "When registered, for a registration queued offline; omitted for now",
              example = "2026-04-02T00:12:00Z")
          @Nullable Instant registeredAt) {

    /** The parent's credential, read as for any registration. */
    PresentedCredential parent() {
      return new TubesApi.RegistrationRequest(
              idempotencyKey, credentialKind, payload, documentType, documentNumber, name, null)
          .credential();
    }
  }

  @PostMapping("/api/sampling/tubes/{barcode}/infants")
  @Operation(
      summary = "Register an infant by hand",
      description =
          "The parent identifies themself with any credential the table takes; the child, without"
              + " a document, gets a provisional person linked to that parent (reused when the same"
              + " parent brings the same child again), so the result reaches the parent's view."
              + " Otherwise as any registration: idempotent, one open tube per person, audited.")
  @ApiResponse(responseCode = "200", description = "The registration (the child masked)")
  @Refusal(status = 400, code = "sampling.idempotency-key.invalid")
  @Refusal(status = 400, code = "sampling.credential.kind-invalid")
  @Refusal(status = 400, code = "sampling.registered-at.out-of-range")
  @Refusal(status = 422, code = "sampling.code.invalid")
  @Refusal(status = 422, code = "sampling.code.expired")
  @Refusal(status = 422, code = "sampling.code.revoked")
  @Refusal(status = 422, code = "sampling.document.not-matched")
  @Refusal(status = 400, code = "sampling.infant.name-invalid")
  @Refusal(status = 400, code = "sampling.infant.sex-invalid")
  @Refusal(status = 400, code = "sampling.infant.birth-date-invalid")
  @Refusal(status = 400, code = "sampling.infant.too-old")
  @Refusal(status = 404, code = "sampling.tube.unknown")
  @Refusal(status = 409, code = "sampling.tube.sealed")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  @Refusal(status = 409, code = "sampling.person.in-open-tube")
  @Refusal(status = 409, code = "sampling.person.in-this-tube")
  TubesApi.RegistrationView register(
      @PathVariable String barcode, @RequestBody InfantRequest request) {
    var registration =
        infants.register(
            barcode,
            request.idempotencyKey(),
            request.parent(),
            new Infants.Child(request.childName(), request.childSex(), request.childBirthDate()),
            request.registeredAt(),
            CurrentActor.get());
    return TubesApi.RegistrationView.of(registration, request.idempotencyKey());
  }
}
