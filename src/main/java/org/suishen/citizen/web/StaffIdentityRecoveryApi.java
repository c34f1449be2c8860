package org.suishen.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.citizen.CardRead;
import org.suishen.citizen.internal.IdentityRecovery;
import org.suishen.citizen.internal.PhoneNumber;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** {@code POST /api/staff/identity-recoveries} (role APPEAL_REVIEWER: the service desk). */
@RestController
@Tag(name = "Identity recovery", description = "A person takes their identity back at a desk")
class StaffIdentityRecoveryApi {

  private final IdentityRecovery recovery;

  StaffIdentityRecoveryApi(IdentityRecovery recovery) {
    this.recovery = recovery;
  }

  @Schema(name = "IdentityRecoveryRequest", description = "A desk recovery: the card read, checked")
  record RecoveryRequest(
      @Schema(
              description = "The mobile number of the account that is to stand for the person",
              example = "13812345678",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String phone,
      @Schema(
              description = "What the desk's reader read from the ID card's chip; never shown back",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable CardReadJson cardRead,
      @Schema(
              description = "The staff member checked the person against the card's photo",
              example = "true")
          boolean personChecked,
      @Schema(
              description = "Optional note for the audit trail (e.g. the desk's case number)",
              example = "窗口受理 2026-0042",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String note) {}

  @Schema(name = "CardRead", description = "The ID card chip as read (write-only)")
  record CardReadJson(
      @Schema(example = "RESIDENT_ID") @Nullable String documentType,
      @Schema(example = "310104198807120035", accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String documentNumber,
      @Schema(example = "刘宇轩", accessMode = Schema.AccessMode.WRITE_ONLY) @Nullable String name) {}

  @Schema(name = "IdentityRecovery", description = "What the desk did, masked")
  record RecoveryView(
      @Schema(example = "刘*轩") String maskedName,
      @Schema(example = "3101**********0035") String maskedDocumentNumber,
      @Schema(example = "138****5678") String maskedPhone,
      @Schema(description = "The staff member's check, as recorded", example = "true")
          boolean personChecked,
      @Schema(description = "Whether another account's claim was voided", example = "true")
          boolean earlierClaimVoided,
      @Schema(example = "2026-03-01T02:00:00Z") Instant recoveredAt) {}

  @PostMapping("/api/staff/identity-recoveries")
  @Operation(
      summary = "Recover a person's identity at a desk",
      description =
          "The person brings their ID card; the desk's reader reads the chip, the staff member"
              + " checks the person against the card's photo (personChecked) and sends the phone"
              + " of the account that is to hold the identity (created if new). The chip must"
              + " match the population register and pass the identity checks. An account that"
              + " held the identity loses it: its sessions end and its phone is told by text."
              + " Audited (citizen.identity.claim-voided, citizen.identity.recovered).")
  @Refusal(status = 400, code = "citizen.recovery.card-required")
  @Refusal(status = 400, code = "citizen.recovery.confirmation-required")
  @Refusal(status = 400, code = "citizen.identity.document-type")
  @Refusal(status = 400, code = "citizen.phone.format")
  @Refusal(status = 400, code = "identity.document.format")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 422, code = "citizen.recovery.card-mismatch")
  @Refusal(status = 409, code = "citizen.recovery.account-registered")
  @Refusal(status = 409, code = "citizen.recovery.already-holds")
  RecoveryView recover(@RequestBody RecoveryRequest body) {
    var recovered =
        recovery.atDesk(
            CurrentActor.get(),
            body.phone(),
            card(body.cardRead()),
            body.personChecked(),
            body.note());
    return new RecoveryView(
        recovered.person().maskedName(),
        recovered.person().maskedDocumentNumber(),
        new PhoneNumber(recovered.account().phone()).masked(),
        true,
        recovered.earlierClaimVoided(),
        recovered.account().updatedAt());
  }

  private static @Nullable CardRead card(@Nullable CardReadJson json) {
    if (json == null
        || json.documentType() == null
        || json.documentType().isBlank()
        || json.documentNumber() == null
        || json.documentNumber().isBlank()
        || json.name() == null
        || json.name().isBlank()) {
      return null;
    }
    DocumentType type =
        java.util.Objects.requireNonNull(MeApiController.documentType(json.documentType()));
    return new CardRead(IdentityDocument.of(type, json.documentNumber()), json.name().strip());
  }
}
