package org.suishen.citizen.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash of a one-time code (HMAC-SHA256 over the code's id and the code), so that the table
 * alone does not reveal codes, and a 6-digit code cannot be recovered by trying all million values
 * without the key.
 */
final class CodeHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  CodeHasher(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /**
   * The configured secret. Refuses a missing or short one: a per-process random key would make a
   * code sent by one node fail on another, and a short key could be guessed offline.
   */
  static CodeHasher fromSecret(String secret) {
    if (secret.strip().length() < CitizenProperties.Otp.MIN_HASH_SECRET_LENGTH) {
      throw new IllegalStateException(
          (secret.isBlank() ? "No one-time-code secret" : "One-time-code secret too short")
              + ": set suishen.citizen.otp.hash-secret (environment SUISHEN_OTP_SECRET) to at"
              + " least "
              + CitizenProperties.Otp.MIN_HASH_SECRET_LENGTH
              + " random characters shared by every node, e.g. `openssl rand -base64 32`");
    }
    return new CodeHasher(secret.getBytes(StandardCharsets.UTF_8));
  }

  byte[] hash(UUID codeId, String code) {
    return mac(codeId + ":" + code);
  }

  /** A keyed, stable stand-in for a document number (per-document counters never hold one). */
  byte[] documentKey(org.suishen.identity.IdentityDocument document) {
    return mac("document:" + document.type().name() + ":" + document.number());
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  boolean matches(UUID codeId, String code, byte[] expected) {
    return MessageDigest.isEqual(hash(codeId, code), expected);
  }
}
