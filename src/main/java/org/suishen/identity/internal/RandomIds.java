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

  /** Writes the 16 bytes of a new random version 4 UUID at {@code offset}. */
  void write(byte[] out, int offset) {
    if (position + 16 > stream.length) {
      try {
        cipher.update(zeros, 0, zeros.length, stream, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      position = 0;
    }
    System.arraycopy(stream, position, out, offset, 16);
    out[offset + 6] = (byte) ((out[offset + 6] & 0x0F) | 0x40); // version 4
    out[offset + 8] = (byte) ((out[offset + 8] & 0x3F) | 0x80); // IETF variant
    position += 16;
  }

  /** A new random UUID. */
  java.util.UUID next() {
    byte[] b = new byte[16];
    write(b, 0);
    var bytes = java.nio.ByteBuffer.wrap(b);
    return new java.util.UUID(bytes.getLong(), bytes.getLong());
  }
}
