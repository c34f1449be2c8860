package org.suishen.accounts.internal.devicetoken;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.DeviceTokenAuthentication;
import org.suishen.accounts.internal.AccountPrincipal;

/** Issues device tokens to devices that proved their secret, and authenticates requests by them. */
public final class DeviceTokenService implements DeviceTokenAuthentication {

  /** A token as the device receives it. */
  public record Issued(String token, Instant issuedAt, Instant expiresAt) {}

  private final DeviceTokens tokens;
  private final DeviceTokenRevocations revocations;
  private final DeviceTokenProperties properties;
  private final Clock clock;

  DeviceTokenService(
      DeviceTokens tokens,
      DeviceTokenRevocations revocations,
      DeviceTokenProperties properties,
      Clock clock) {
    this.tokens = tokens;
    this.revocations = revocations;
    this.properties = properties;
    this.clock = clock;
  }

  /** A token for a device account that was just authenticated with its secret. */
  public Issued issue(AccountPrincipal device) {
    if (device.kind() != AccountKind.DEVICE || device.roles().size() != 1) {
      throw new IllegalArgumentException("Device tokens are for device accounts");
    }
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.validity());
    String token =
        tokens.issue(
            new DeviceTokenClaims(
                device.accountId(),
                device.getUsername(),
                device.roles().getFirst(),
                device.credentialsVersion(),
                now,
                expiresAt));
    return new Issued(token, now, expiresAt);
  }

  @Override
  public Authentication authenticate(String token) {
    DeviceTokenClaims claims = tokens.verify(token, clock.instant());
    revocations.requireCurrent(claims);
    return new DeviceTokenAuthenticated(
        AccountPrincipal.ofDeviceToken(
            claims.accountId(),
            claims.login(),
            claims.role(),
            claims.credentialsVersion(),
            claims.issuedAt()));
  }
}
