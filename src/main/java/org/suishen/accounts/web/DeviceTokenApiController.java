package org.suishen.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.accounts.internal.AccountPrincipal;
import org.suishen.accounts.internal.devicetoken.DeviceTokenAuthenticated;
import org.suishen.accounts.internal.devicetoken.DeviceTokenService;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;

/**
 * A terminal exchanges its secret (HTTP Basic, once) for a short-lived signed token that it sends
 * on every request ({@code Authorization: Bearer}): no password check and no account read per
 * request.
 */
@RestController
@Tag(name = "Accounts")
class DeviceTokenApiController {

  private final DeviceTokenService tokens;

  DeviceTokenApiController(DeviceTokenService tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/api/device/token")
  @Operation(
      summary = "Exchange the device secret for a device token",
      description =
          "Devices only (SELF_SERVICE_KIOSK, BANK_KIOSK, SAMPLING_TERMINAL, VENUE_SENTINEL),"
              + " authenticated with their secret (HTTP Basic: device id and secret). The token"
              + " authenticates as `Authorization: Bearer <token>` until expiresAt"
              + " (suishen.accounts.device-tokens.validity, default 10 min); fetch a new one before"
              + " (e.g. at half its time) or on 401 accounts.device-token.expired. Disabling the"
              + " device or giving it a new secret ends its tokens on every node within"
              + " suishen.accounts.device-tokens.revocation-check (default 15 s). A token cannot"
              + " be exchanged for another: the secret is needed.")
  @ApiResponse(responseCode = "200", description = "The token")
  @Refusal(status = 401, code = "auth.required")
  @Refusal(status = 403, code = "auth.forbidden")
  @Refusal(status = 403, code = "accounts.device-token.secret-required")
  @Refusal(status = 429, code = "accounts.login.locked")
  ResponseEntity<DeviceTokenView> token(Authentication authentication) {
    if (authentication instanceof DeviceTokenAuthenticated
        || !(authentication.getPrincipal() instanceof AccountPrincipal device)) {
      throw SuishenException.forbidden("accounts.device-token.secret-required");
    }
    var issued = tokens.issue(device);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new DeviceTokenView(
                issued.token(),
                "Bearer",
                issued.expiresAt(),
                Duration.between(issued.issuedAt(), issued.expiresAt()).toSeconds()));
  }

  /**
   * @param token send as {@code Authorization: Bearer <token>}
   * @param expiresInSeconds from the answer's receipt (the device's clock may differ)
   */
  record DeviceTokenView(
      @Schema(
              example =
                  "dt1.NmYxYzJhOWUtM2I3ZC00YzFhLTllNTUtMmQ4ZjBiN2E0YzExfHNlbnRpbmVsLTAwMDF8VkVOVUVfU0VOVElORUx8MXwxNzc0OTI2MDAwfDE3NzQ5MjY2MDA.q2n3h0...")
          String token,
      @Schema(example = "Bearer") String tokenType,
      @Schema(example = "2026-04-01T01:40:00Z") Instant expiresAt,
      @Schema(example = "600") long expiresInSeconds) {}
}
