package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.PresentedCredential;
import org.suishen.sampling.internal.Registration;
import org.suishen.sampling.internal.Registrations;
import org.suishen.sampling.internal.Tube;
import org.suishen.sampling.internal.Tubes;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * Tubes and registrations at the sampling table, for samplers (their page) and sampling terminals
 * (devices): the site is the caller's assignment.
 */
@RestController
@Tag(name = "Sampling: tubes", description = "Tubes and the registrations into them (S1, S2, S4)")
class TubesApi {

  private final Tubes tubes;
  private final Registrations registrations;

  TubesApi(Tubes tubes, Registrations registrations) {
    this.tubes = tubes;
    this.registrations = registrations;
  }

  @Schema(name = "TubeRequest", description = "A tube to open at the caller's site")
  record TubeRequest(
      @Schema(
              description =
                  "The pre-printed barcode: 11 digits and an ISO 7064 MOD 11-2 check character",
              example = "000000001236")
          @Nullable String barcode,
      @Schema(description = "1 (single) or a pooled size the city allows", example = "10")
          @Nullable Integer capacity) {}

  @Schema(name = "Tube", description = "A tube and who is in it, masked")
  record TubeView(
      @Schema(example = "000000001236") String barcode,
      @Schema(example = "XH-TJ-001") String siteCode,
      @Schema(example = "10") int capacity,
      @Schema(description = "People in the tube", example = "3") int members,
      @Schema(example = "true") boolean sealed,
      @Schema(example = "2026-04-02T00:10:00Z") Instant openedAt,
      @Schema(description = "When it was sealed; null while open") @Nullable Instant sealedAt,
      List<MemberView> people) {

    static TubeView of(Tube t) {
      return new TubeView(
          t.barcode(),
          t.siteCode(),
          t.capacity(),
          t.members(),
          t.sealed(),
          t.openedAt(),
          t.sealedAt(),
          t.people().stream()
              .map(
                  m ->
                      new MemberView(
                          m.registrationId(), m.maskedName(), m.credential(), m.registeredAt()))
              .toList());
    }
  }

  @Schema(name = "TubeMember", description = "Someone registered into the tube")
  record MemberView(
      @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID registrationId,
      @Schema(example = "王*明") String maskedName,
      @Schema(
              allowableValues = {
                "NAT",
                "LIVE",
                "PROXY",
                "OFFLINE",
                "ID_CARD",
                "TYPED_NUMBER",
                "INFANT"
              })
          String credential,
      @Schema(example = "2026-04-02T00:12:00Z") Instant registeredAt) {}

  @Schema(
      name = "RegistrationRequest",
      description =
          "What the terminal read: a code (credentialKind CODE, payload) or a document"
              + " (ID_CARD from the card reader, TYPED_NUMBER typed by staff: documentType,"
              + " documentNumber and name, the name being the second factor)")
  record RegistrationRequest(
      @Schema(
              description =
                  "Chosen by the terminal, 8-100 of A-Z a-z 0-9 . _ : -; sent again, the"
                      + " registration answers as the first time and records nothing twice",
              example = "sampling-0001:2026-04-02:000173")
          @Nullable String idempotencyKey,
      @Schema(allowableValues = {"CODE", "ID_CARD", "TYPED_NUMBER"})
          @Nullable String credentialKind,
      @Schema(
              description = "For CODE: the scanned text",
              example = "SSC:AQ...",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String payload,
      @Schema(description = "For ID_CARD and TYPED_NUMBER", example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(
              description = "For ID_CARD and TYPED_NUMBER; never shown back (masked)",
              example = "310104198807120035",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String documentNumber,
      @Schema(
              description = "For ID_CARD and TYPED_NUMBER: must match the register",
              example = "王小明",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String name,
      @Schema(
              description =
                  "When the person was registered (sampled), for a registration queued offline and"
                      + " uploaded later;"
                      + " omitted for now. At most a minute ahead, and not older than the"
                      + " idempotency keys are kept (7 days)",
              example = "2026-04-02T00:12:00Z")
          @Nullable Instant registeredAt) {

    PresentedCredential credential() {
      PresentedCredential.Kind kind;
      try {
        kind = PresentedCredential.Kind.valueOf(credentialKind == null ? "" : credentialKind);
      } catch (IllegalArgumentException e) {
        throw SuishenException.badInput("sampling.credential.kind-invalid");
      }
      return kind == PresentedCredential.Kind.CODE
          ? new PresentedCredential.Code(payload == null ? "" : payload)
          : new PresentedCredential.Document(kind, documentType, documentNumber, name);
    }
  }

  @Schema(
      name = "Registration",
      description = "A person registered into a tube, masked, with the fill")
  record RegistrationView(
      @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID registrationId,
      @Schema(example = "sampling-0001:2026-04-02:000173") String idempotencyKey,
      @Schema(example = "000000001236") String tubeBarcode,
      @Schema(
              description = "What the terminal submitted (INFANT: a child registered by hand)",
              allowableValues = {"CODE", "ID_CARD", "TYPED_NUMBER", "INFANT"})
          String credentialKind,
      @Schema(
              description = "How the person was identified",
              allowableValues = {
                "NAT",
                "LIVE",
                "PROXY",
                "OFFLINE",
                "ID_CARD",
                "TYPED_NUMBER",
                "INFANT"
              })
          String credential,
      @Schema(example = "王*明") String maskedName,
      @Schema(description = "The person's document type", example = "RESIDENT_ID")
          String documentType,
      @Schema(example = "3101**********0035") String maskedDocumentNumber,
      @Schema(example = "2026-04-02T00:12:00Z") Instant registeredAt,
      @Schema(description = "People in the tube now", example = "4") int members,
      @Schema(example = "10") int capacity,
      @Schema(description = "Sealed (full)", example = "false") boolean sealed) {

    static RegistrationView of(Registration r, String key) {
      return new RegistrationView(
          r.registrationId(),
          key,
          r.tubeBarcode(),
          r.credentialKind(),
          r.credential(),
          r.maskedName(),
          r.documentType(),
          r.maskedDocumentNumber(),
          r.registeredAt(),
          r.members(),
          r.capacity(),
          r.sealed());
    }
  }

  @PostMapping("/api/sampling/tubes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Open a tube",
      description = "At the caller's site (its assignment), single or pooled (audited).")
  @ApiResponse(responseCode = "201", description = "The open tube")
  @Refusal(status = 400, code = "sampling.tube.barcode-invalid")
  @Refusal(status = 400, code = "sampling.tube.capacity-invalid")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  @Refusal(status = 409, code = "sampling.site.closed")
  @Refusal(status = 409, code = "sampling.tube.used")
  TubeView open(@RequestBody TubeRequest request) {
    return TubeView.of(tubes.open(request.barcode(), request.capacity(), CurrentActor.get()));
  }

  @GetMapping("/api/sampling/tubes/{barcode}")
  @Operation(
      summary = "Read a tube",
      description = "A tube of the caller's site, its people masked.")
  @ApiResponse(responseCode = "200", description = "The tube")
  @Refusal(status = 404, code = "sampling.tube.unknown")
  @Refusal(status = 403, code = "sampling.tube.other-site")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  TubeView tube(@PathVariable String barcode) {
    return TubeView.of(tubes.find(barcode, CurrentActor.get()));
  }

  @PostMapping("/api/sampling/tubes/{barcode}/registrations")
  @Operation(
      summary = "Register a person into a tube",
      description =
          "Resolves the credential (a live code only while live, a proxy code registers the"
              + " dependant, a NAT or offline code while valid, a document against the register"
              + " under the given name), adds the person to the open tube and seals it when full."
              + " A person is in at most one open tube. Registering changes none of the person's"
              + " codes. The same idempotencyKey again answers with the first registration and"
              + " records nothing. Audited (sampling.person.registered).")
  @ApiResponse(responseCode = "200", description = "The registration")
  @Refusal(status = 400, code = "sampling.idempotency-key.invalid")
  @Refusal(status = 400, code = "sampling.credential.kind-invalid")
  @Refusal(status = 400, code = "sampling.registered-at.out-of-range")
  @Refusal(status = 422, code = "sampling.code.invalid")
  @Refusal(status = 422, code = "sampling.code.expired")
  @Refusal(status = 422, code = "sampling.code.revoked")
  @Refusal(status = 422, code = "sampling.code.unknown-person")
  @Refusal(status = 400, code = "sampling.document.required")
  @Refusal(status = 400, code = "sampling.document.name-required")
  @Refusal(status = 400, code = "identity.document.unknown-type")
  @Refusal(status = 400, code = "identity.document.format")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 422, code = "sampling.document.not-matched")
  @Refusal(status = 404, code = "sampling.tube.unknown")
  @Refusal(status = 403, code = "sampling.tube.other-site")
  @Refusal(status = 409, code = "sampling.tube.sealed")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  @Refusal(status = 409, code = "sampling.person.in-this-tube")
  @Refusal(status = 409, code = "sampling.person.in-open-tube")
  RegistrationView register(
      @PathVariable String barcode, @RequestBody RegistrationRequest request) {
    var registration =
        registrations.register(
            barcode,
            request.idempotencyKey(),
            request.credential(),
            request.registeredAt(),
            CurrentActor.get());
    return RegistrationView.of(registration, request.idempotencyKey());
  }

  @PostMapping("/api/sampling/tubes/{barcode}/registrations/{registrationId}/withdrawal")
  @Operation(
      summary = "Withdraw a registration",
      description =
          "Takes a person out of a tube not yet sealed (a mistake at the table; audited).")
  @ApiResponse(responseCode = "200", description = "The tube")
  @Refusal(status = 404, code = "sampling.registration.unknown")
  @Refusal(status = 404, code = "sampling.tube.unknown")
  @Refusal(status = 403, code = "sampling.tube.other-site")
  @Refusal(status = 409, code = "sampling.tube.sealed")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  TubeView withdraw(@PathVariable String barcode, @PathVariable UUID registrationId) {
    return TubeView.of(registrations.withdraw(barcode, registrationId, CurrentActor.get()));
  }

  @PostMapping("/api/sampling/tubes/{barcode}/seal")
  @Operation(
      summary = "Seal a tube",
      description =
          "By hand: a partly filled pooled tube may be sealed, an empty one not (audited).")
  @ApiResponse(responseCode = "200", description = "The sealed tube")
  @Refusal(status = 404, code = "sampling.tube.unknown")
  @Refusal(status = 403, code = "sampling.tube.other-site")
  @Refusal(status = 409, code = "sampling.tube.sealed")
  @Refusal(status = 409, code = "sampling.tube.empty")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  TubeView seal(@PathVariable String barcode) {
    return TubeView.of(tubes.seal(barcode, CurrentActor.get()));
  }
}
