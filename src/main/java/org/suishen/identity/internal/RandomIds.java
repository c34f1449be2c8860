package org.suishen.identity.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random person ids (version 4 UUIDs) for a register import, from a ChaCha20 key stream keyed by
 * {@link SecureRandom}: as unpredictable as {@code UUID.randomUUID()} and cheap enough for 25
 * million at a time (the database's {@code gen_random_uuid()} costs more than the rest of a row's
 * COPY). One instance per import; not thread-safe.
 */
final class RandomIds {

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Cipher cipher;
  private final byte[] zeros = new byte[4096];
  private final byte[] stream = new byte[4096];
  private int position = stream.length;

  RandomIds(SecureRandom seed) {
    byte[] key = new byte[32];
    byte[] nonce = new byte[12];
    seed.nextBytes(key);
    seed.nextBytes(nonce);
    try {
      cipher = Cipher.getInstance("ChaCha20");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "ChaCha20"),
          new ChaCha20ParameterSpec(nonce, 0));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20 is part of every JDK since 11", e);
    }
  }

  RandomIds() {
    this(new SecureRandom());
  }

  /** Writes the 36 characters of a new random UUID (8-4-4-4-12 hex digits) at {@code offset}. */
  void write(byte[] out, int offset) {
    if (position + 16 > stream.length) {
      try {
        cipher.update(zeros, 0, zeros.length, stream, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      position = 0;
    }
    int o = offset;
    for (int i = 0; i < 16; i++) {
      int b = stream[position + i] & 0xFF;
      if (i == 6) {
        b = (b & 0x0F) | 0x40; // version 4
      } else if (i == 8) {
        b = (b & 0x3F) | 0x80; // IETF variant
      }
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        out[o++] = '-';
      }
      out[o++] = HEX[b >>> 4];
      out[o++] = HEX[b & 0x0F];
    }
    position += 16;
  }

  /** A new random UUID. */
  java.util.UUID next() {
    byte[] text = new byte[36];
    write(text, 0);
    return java.util.UUID.fromString(new String(text, java.nio.charset.StandardCharsets.US_ASCII));
  }
}
