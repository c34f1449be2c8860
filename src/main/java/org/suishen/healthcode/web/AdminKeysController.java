package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.healthcode.internal.code.SubjectRenewal;
import org.suishen.healthcode.internal.keys.KeyRotation;
import org.suishen.healthcode.internal.keys.SigningKeyStore;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

@RestController
@Tag(name = "Key administration", description = "Signing-key rotation and code revocation")
class AdminKeysController {

  private final SigningKeyStore store;
  private final KeyRotation rotation;
  private final SubjectRenewal renewal;

  AdminKeysController(SigningKeyStore store, KeyRotation rotation, SubjectRenewal renewal) {
    this.store = store;
    this.rotation = rotation;
    this.renewal = renewal;
  }

  @GetMapping("/api/admin/keys")
  @Operation(summary = "Every signing key with its status (public parts only)")
  List<AdminKey> keys() {
    return store.allKeys().stream()
        .map(
            k ->
                new AdminKey(
                    k.keyId(),
                    k.algorithm(),
                    k.status().name(),
                    k.createdAt(),
                    k.activatedAt(),
                    k.verifyUntil(),
                    k.retiredAt()))
        .toList();
  }

  @PostMapping("/api/admin/keys/rotate")
  @Operation(
      summary = "Rotate the signing key",
      description =
          "A new key signs from now; the previous signer verifies for the grace period"
              + " (suishen.healthcode.keys.grace-period) and is then retired by a scheduled job.")
  RotationResponse rotate(@Valid @RequestBody(required = false) @Nullable Reason reason) {
    var result = rotation.rotate(CurrentActor.get(), reasonText(reason, "scheduled rotation"));
    return new RotationResponse(result.activated(), result.verifyOnly(), result.verifyUntil());
  }

  @PostMapping("/api/admin/keys/{keyId}/retire")
  @Operation(
      summary = "Retire a verify-only key at once",
      description =
          "E.g. on suspected compromise. The signing key cannot be retired: rotate first."
              + " Audited.")
  @ApiResponse(responseCode = "200", description = "Retired (or already retired)")
  @Refusal(status = 404, code = "healthcode.key.unknown")
  @Refusal(status = 409, code = "healthcode.key.active")
  void retire(
      @PathVariable int keyId, @Valid @RequestBody(required = false) @Nullable Reason reason) {
    rotation.retireNow(keyId, CurrentActor.get(), reasonText(reason, "retired by administrator"));
  }

  @PostMapping("/api/admin/code-subjects/{personId}/renew")
  @Operation(
      summary = "Withdraw a person's code reference",
      description =
          "Every code issued so far for the person is refused as 'revoked' (e.g. a lost phone);"
              + " new codes carry a new reference.")
  void renew(
      @PathVariable UUID personId, @Valid @RequestBody(required = false) @Nullable Reason reason) {
    renewal.renew(personId, CurrentActor.get(), reasonText(reason, "renewed by administrator"));
  }

  private static String reasonText(@Nullable Reason reason, String otherwise) {
    return reason == null || reason.reason() == null || reason.reason().isBlank()
        ? otherwise
        : reason.reason();
  }

  /** Why: recorded in the audit trail, not shown back. */
  record Reason(
      @Schema(example = "suspected key compromise", accessMode = Schema.AccessMode.WRITE_ONLY)
          @Size(max = 200)
          @Nullable String reason) {}

  @Schema(description = "A signing key, public parts only")
  record AdminKey(
      @Schema(description = "The key id in the tokens", example = "4") int kid,
      @Schema(example = "Ed25519") String alg,
      @Schema(
              allowableValues = {"ACTIVE", "VERIFY_ONLY", "RETIRED"},
              example = "ACTIVE")
          String status,
      Instant createdAt,
      @Nullable Instant activatedAt,
      @Schema(description = "A verify-only key verifies until then") @Nullable Instant verifyUntil,
      @Nullable Instant retiredAt) {}

  @Schema(description = "The outcome of a rotation")
  record RotationResponse(
      @Schema(description = "The key that signs from now", example = "4") int activated,
      @Schema(description = "The previous signer, now verify-only; null if none", example = "3")
          @Nullable Integer verifyOnly,
      @Schema(description = "Until when the previous signer verifies")
          @Nullable Instant verifyUntil) {}
}
