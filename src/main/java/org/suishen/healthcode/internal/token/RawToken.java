package org.suishen.healthcode.internal.token;

import java.util.Arrays;

/**
 * A token read from its text: all bytes, where the payload ends, and the parsed payload. Its
 * signature and tag are not yet checked.
 */
public record RawToken(byte[] bytes, int payloadLength, TokenPayload payload) {

  public byte[] payloadBytes() {
    return Arrays.copyOfRange(bytes, 0, payloadLength);
  }

  public byte[] signature() {
    return Arrays.copyOfRange(bytes, payloadLength, payloadLength + TokenCodec.SIGNATURE_LENGTH);
  }

  /** The bytes the tag covers: payload and signature. */
  public int taggedLength() {
    return payloadLength + TokenCodec.SIGNATURE_LENGTH;
  }

  public byte[] tag() {
    return Arrays.copyOfRange(bytes, taggedLength(), bytes.length);
  }
}
