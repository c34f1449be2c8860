package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.healthcode.internal.keys.KeyInfo;
import org.suishen.healthcode.internal.keys.SigningKeyStore;

@RestController
@Tag(name = "Public keys", description = "Ed25519 keys for offline verifiers (terminals)")
class KeysController {

  private final SigningKeyStore store;

  KeysController(SigningKeyStore store) {
    this.store = store;
  }

  @GetMapping("/api/keys")
  @Operation(
      summary = "The public keys that verify codes",
      description =
          "Every key that currently verifies (the signer and those in their grace period)."
              + " Public and cacheable for 5 minutes. kty/crv/x follow JWK (RFC 8037).")
  ResponseEntity<KeySet> keys() {
    List<PublicKey> keys =
        store.allKeys().stream()
            .filter(k -> k.status().verifies())
            .map(KeysController::publicKey)
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(new KeySet(keys));
  }

  static PublicKey publicKey(KeyInfo k) {
    String x = Base64.getUrlEncoder().withoutPadding().encodeToString(k.publicKey());
    return new PublicKey(
        k.keyId(),
        k.algorithm(),
        "OKP",
        "Ed25519",
        x,
        x,
        k.status().name(),
        k.activatedAt() == null ? k.createdAt() : k.activatedAt(),
        k.verifyUntil() != null ? k.verifyUntil() : k.retiredAt());
  }

  @Schema(description = "The keys that verify codes")
  record KeySet(List<PublicKey> keys) {}

  @Schema(description = "A public key; the token's key id field selects it")
  record PublicKey(
      @Schema(description = "The key id in the tokens", example = "4") int kid,
      @Schema(example = "Ed25519") String alg,
      @Schema(example = "OKP") String kty,
      @Schema(example = "Ed25519") String crv,
      @Schema(
              description = "The 32-byte public key, base64url without padding (JWK x)",
              example = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
          String x,
      @Schema(description = "Same as x", example = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
          String publicKey,
      @Schema(allowableValues = {"ACTIVE", "VERIFY_ONLY"}) String status,
      Instant validFrom,
      @Schema(description = "Null while the key signs") @Nullable Instant validTo) {}
}
