package org.suishen.healthcode.internal.token;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeType;
import org.suishen.status.Colour;

/**
 * The wire format, version 1 (see docs/healthcode.md):
 *
 * <pre>
 * text  = "SSC:" Base45(payload | signature | tag)
 * payload (29 bytes, PROXY 45):
 *   version u8 | type u8 | colour u8 | key id u16 | person ref 16 | [holder ref 16] |
 *   issued-at u32 (epoch s) | expires-at u32 (epoch s)
 * signature = Ed25519(private key, payload)                 64 bytes
 * tag       = HMAC-SHA256(server secret, payload | signature)[0..16]
 * </pre>
 */
public final class TokenCodec {

  public static final String PREFIX = "SSC:";
  public static final int VERSION = 1;
  public static final int SIGNATURE_LENGTH = 64;
  public static final int TAG_LENGTH = 16;

  /** Longer text is refused before decoding (a PROXY token is 192 characters). */
  public static final int MAX_TEXT_LENGTH = 256;

  private static final long MAX_SECONDS = 0xffff_ffffL;

  private TokenCodec() {}

  public static int payloadLength(CodeType type) {
    return type.namesHolder() ? 45 : 29;
  }

  public static byte[] payloadBytes(TokenPayload p) {
    var buffer = ByteBuffer.allocate(payloadLength(p.type()));
    buffer.put((byte) p.version());
    buffer.put((byte) p.type().wireId());
    buffer.put((byte) TokenColour.toByte(p.colour()));
    buffer.putShort((short) p.keyId());
    putUuid(buffer, p.personRef());
    if (p.holderRef() != null) {
      putUuid(buffer, p.holderRef());
    }
    buffer.putInt((int) seconds(p.issuedAt()));
    buffer.putInt((int) seconds(p.expiresAt()));
    return buffer.array();
  }

  /** Joins the three parts into the text for a QR code. */
  public static String text(byte[] payload, byte[] signature, byte[] tag) {
    if (signature.length != SIGNATURE_LENGTH || tag.length != TAG_LENGTH) {
      throw new IllegalArgumentException("signature or tag length");
    }
    var all = new byte[payload.length + SIGNATURE_LENGTH + TAG_LENGTH];
    System.arraycopy(payload, 0, all, 0, payload.length);
    System.arraycopy(signature, 0, all, payload.length, SIGNATURE_LENGTH);
    System.arraycopy(tag, 0, all, payload.length + SIGNATURE_LENGTH, TAG_LENGTH);
    return PREFIX + Base45.encode(all);
  }

  /** The raw token bytes of a text; throws {@link MalformedToken} if it is not a token. */
  public static RawToken read(@Nullable String text) {
    if (text == null || text.length() > MAX_TEXT_LENGTH || !text.startsWith(PREFIX)) {
      throw new MalformedToken("prefix or length");
    }
    return split(Base45.decode(text, PREFIX.length()));
  }

  /** Splits raw token bytes into payload, signature and tag, parsing the payload. */
  public static RawToken split(byte[] bytes) {
    if (bytes.length < 2) {
      throw new MalformedToken("too short");
    }
    int version = bytes[0] & 0xff;
    if (version != VERSION) {
      throw new MalformedToken("version");
    }
    CodeType type = CodeType.ofWireId(bytes[1] & 0xff);
    if (type == null) {
      throw new MalformedToken("type");
    }
    int payloadLength = payloadLength(type);
    if (bytes.length != payloadLength + SIGNATURE_LENGTH + TAG_LENGTH) {
      throw new MalformedToken("length");
    }
    var buffer = ByteBuffer.wrap(bytes, 2, payloadLength - 2);
    int colourByte = buffer.get() & 0xff;
    if (colourByte > 3) {
      throw new MalformedToken("colour");
    }
    Colour colour = TokenColour.fromByte(colourByte);
    int keyId = buffer.getShort() & 0xffff;
    if (keyId == 0) {
      throw new MalformedToken("key id");
    }
    UUID personRef = getUuid(buffer);
    UUID holderRef = type.namesHolder() ? getUuid(buffer) : null;
    var issuedAt = Instant.ofEpochSecond(buffer.getInt() & MAX_SECONDS);
    var expiresAt = Instant.ofEpochSecond(buffer.getInt() & MAX_SECONDS);
    var payload =
        new TokenPayload(version, type, colour, keyId, personRef, holderRef, issuedAt, expiresAt);
    return new RawToken(bytes, payloadLength, payload);
  }

  private static long seconds(Instant instant) {
    long s = instant.getEpochSecond();
    if (s < 0 || s > MAX_SECONDS) {
      throw new IllegalArgumentException("time outside the token's range");
    }
    return s;
  }

  private static void putUuid(ByteBuffer buffer, UUID uuid) {
    buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
  }

  private static UUID getUuid(ByteBuffer buffer) {
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
