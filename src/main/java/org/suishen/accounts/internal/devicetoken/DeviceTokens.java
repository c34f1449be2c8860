package org.suishen.accounts.internal.devicetoken;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.suishen.accounts.DeviceTokenRefused;
import org.suishen.shared.security.Role;

/**
 * Device tokens: {@code dt1.<payload>.<tag>}, the payload {@code accountId|login|ROLE|version|
 * issuedAt|expiresAt} (epoch seconds) and its HMAC-SHA256 tag under the key all nodes share, both
 * Base64url. Checking one is a hash of a hundred bytes: no database read and no password hash on
 * the hot path (a bcrypt check costs tens of milliseconds). Whether the device was disabled since
 * is {@link DeviceTokenRevocations}'s.
 */
public final class DeviceTokens {

  static final String PREFIX = "dt1.";
  private static final int MAX_LENGTH = 512;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  public DeviceTokens(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("A device token key has at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The token text for these claims. */
  public String issue(DeviceTokenClaims claims) {
    if (claims.login().indexOf('|') >= 0) {
      throw new IllegalArgumentException("A login never holds '|'");
    }
    String payload =
        claims.accountId()
            + "|"
            + claims.login()
            + "|"
            + claims.role().name()
            + "|"
            + claims.credentialsVersion()
            + "|"
            + claims.issuedAt().getEpochSecond()
            + "|"
            + claims.expiresAt().getEpochSecond();
    String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return PREFIX + encoded + "." + ENCODER.encodeToString(tag(encoded));
  }

  /**
   * The claims of a token this key signed that is valid at {@code now}.
   *
   * @throws DeviceTokenRefused {@link DeviceTokenRefused#INVALID} for anything not signed by this
   *     key or not well formed, {@link DeviceTokenRefused#EXPIRED} past its time
   */
  public DeviceTokenClaims verify(String token, Instant now) {
    if (token.length() > MAX_LENGTH || !token.startsWith(PREFIX)) {
      throw new DeviceTokenRefused(DeviceTokenRefused.INVALID);
    }
    int dot = token.indexOf('.', PREFIX.length());
    if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
      throw new DeviceTokenRefused(DeviceTokenRefused.INVALID);
    }
    String encoded = token.substring(PREFIX.length(), dot);
    DeviceTokenClaims claims;
    try {
      // compared as text, not as decoded bytes: the last Base64 character of a 32-byte tag carries
      // two bits a decoder ignores, and a token has exactly one spelling (caches and logs key on
      // it)
      byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
      byte[] expected = ENCODER.encode(tag(encoded));
      if (!MessageDigest.isEqual(presented, expected)) {
        throw new DeviceTokenRefused(DeviceTokenRefused.INVALID);
      }
      claims = parse(new String(DECODER.decode(encoded), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new DeviceTokenRefused(DeviceTokenRefused.INVALID);
    }
    if (!now.isBefore(claims.expiresAt())) {
      throw new DeviceTokenRefused(DeviceTokenRefused.EXPIRED);
    }
    return claims;
  }

  private static DeviceTokenClaims parse(String payload) {
    String[] parts = payload.split("\\|", -1);
    if (parts.length != 6) {
      throw new IllegalArgumentException("not six fields");
    }
    Role role = Role.valueOf(parts[2]);
    if (role.kind() != Role.Kind.DEVICE) {
      throw new IllegalArgumentException("not a device role");
    }
    return new DeviceTokenClaims(
        UUID.fromString(parts[0]),
        parts[1],
        role,
        Integer.parseInt(parts[3]),
        Instant.ofEpochSecond(Long.parseLong(parts[4])),
        Instant.ofEpochSecond(Long.parseLong(parts[5])));
  }

  private byte[] tag(String encodedPayload) {
    Mac mac = macs.get();
    return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
