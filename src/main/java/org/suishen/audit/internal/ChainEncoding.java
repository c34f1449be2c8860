package org.suishen.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The canonical, unambiguous byte encoding of an audit entry and the hash chain over it.
 *
 * <p>Encoding (version 1), all integers big-endian:
 *
 * <pre>
 *   u8   version = 1
 *   i64  chain_seq
 *   i64  id
 *   i64  occurred_at, microseconds since 1970-01-01T00:00:00Z (PostgreSQL's precision)
 *   str  actor
 *   str  action
 *   u8   0 (no subject) | u8 1, then i64 most and i64 least significant bits of the subject UUID
 *   str  reason
 *   str? detail
 * </pre>
 *
 * where {@code str} is an i32 byte length followed by the UTF-8 bytes and {@code str?} is the same
 * with length -1 for "absent" (so that absent and empty differ). Every field is length-prefixed, so
 * no two different entries share an encoding.
 *
 * <p>{@code hash(n) = SHA-256(hash(n-1) || encoding(entry n))}, {@code hash(0)} = 32 zero bytes.
 */
public final class ChainEncoding {

  public static final int VERSION = 1;
  public static final int HASH_LENGTH = 32;

  private static final byte[] GENESIS = new byte[HASH_LENGTH];

  private ChainEncoding() {}

  /** The hash before the first entry: 32 zero bytes. */
  public static byte[] genesis() {
    return GENESIS.clone();
  }

  public static byte[] encode(
      long chainSeq,
      long id,
      Instant occurredAt,
      String actor,
      String action,
      @Nullable UUID subject,
      String reason,
      @Nullable String detail) {
    var bytes = new ByteArrayOutputStream(256);
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeLong(chainSeq);
      out.writeLong(id);
      out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt));
      string(out, actor);
      string(out, action);
      if (subject == null) {
        out.writeByte(0);
      } else {
        out.writeByte(1);
        out.writeLong(subject.getMostSignificantBits());
        out.writeLong(subject.getLeastSignificantBits());
      }
      string(out, reason);
      if (detail == null) {
        out.writeInt(-1);
      } else {
        string(out, detail);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The encoding of an entry at the given place in the chain. */
  public static byte[] encode(long chainSeq, AuditEntry entry) {
    return encode(
        chainSeq,
        entry.id(),
        entry.occurredAt(),
        entry.actor(),
        entry.action(),
        entry.subject(),
        entry.reason(),
        entry.detail());
  }

  /** The next link: SHA-256 over the previous hash and the encoded entry. */
  public static byte[] link(byte[] previousHash, byte[] encodedEntry) {
    if (previousHash.length != HASH_LENGTH) {
      throw new IllegalArgumentException("previous hash must be 32 bytes");
    }
    MessageDigest sha256 = sha256();
    sha256.update(previousHash);
    sha256.update(encodedEntry);
    return sha256.digest();
  }

  /** The hash of the entry at {@code chainSeq}, following {@code previousHash}. */
  public static byte[] hash(byte[] previousHash, long chainSeq, AuditEntry entry) {
    return link(previousHash, encode(chainSeq, entry));
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
