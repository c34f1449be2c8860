package org.suishen.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The head of the audit trail's hash chain as published outside the database: a chain position, the
 * SHA-256 hash of the chain up to and including it, and when the chain up to it was verified. Holds
 * no personal data. Its one-line form, appended to the anchor file and accepted by {@code POST
 * /api/audit/anchors/check}:
 *
 * <pre>suishen-audit-anchor v1 seq=1234 hash=&lt;64 hex digits&gt; verified-at=2026-05-01T00:00:00Z
 * </pre>
 *
 * @param seq chain position (1 or more)
 * @param hash lower-case hex of the 32-byte hash at that position
 * @param verifiedAt when the chain up to {@code seq} was verified; {@code null} if a line to check
 *     did not say
 */
public record AnchoredHead(long seq, String hash, @Nullable Instant verifiedAt) {

  /** The first word of every anchor line. */
  public static final String MARK = "suishen-audit-anchor";

  /** The format version of the line. */
  public static final String VERSION = "v1";

  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_LINE = 400;

  public AnchoredHead {
    if (seq < 1) {
      throw new IllegalArgumentException("an anchored chain position is 1 or more");
    }
    hash = hash.toLowerCase(Locale.ROOT);
    if (!HEX_HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("an anchored hash is 64 hex digits");
    }
  }

  public static AnchoredHead of(long seq, byte[] hash, Instant verifiedAt) {
    return new AnchoredHead(seq, HexFormat.of().formatHex(hash), verifiedAt);
  }

  /** The hash as bytes. */
  public byte[] hashBytes() {
    return HexFormat.of().parseHex(hash);
  }

  /** The one-line form (no line break). */
  public String line() {
    return MARK
        + " "
        + VERSION
        + " seq="
        + seq
        + " hash="
        + hash
        + (verifiedAt == null ? "" : " verified-at=" + verifiedAt);
  }

  /**
   * Reads a line as written by {@link #line()}; surrounding blanks are ignored, {@code verified-at}
   * may be left out.
   *
   * @return the head, or {@code null} if the line is not an anchor line
   */
  public static @Nullable AnchoredHead parse(@Nullable String line) {
    if (line == null || line.length() > MAX_LINE) {
      return null;
    }
    String[] words = line.strip().split("\\s+");
    if (words.length < 4 || !words[0].equals(MARK) || !words[1].equals(VERSION)) {
      return null;
    }
    Long seq = null;
    String hash = null;
    Instant verifiedAt = null;
    for (int i = 2; i < words.length; i++) {
      String word = words[i];
      int eq = word.indexOf('=');
      if (eq < 1) {
        return null;
      }
      String key = word.substring(0, eq);
      String value = word.substring(eq + 1);
      try {
        switch (key) {
          case "seq" -> seq = Long.parseLong(value);
          case "hash" -> hash = value;
          case "verified-at" -> verifiedAt = Instant.parse(value);
          default -> {
            return null;
          }
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        return null;
      }
    }
    if (seq == null || hash == null || seq < 1) {
      return null;
    }
    String lower = hash.toLowerCase(Locale.ROOT);
    if (!HEX_HASH.matcher(lower).matches()) {
      return null;
    }
    return new AnchoredHead(seq, lower, verifiedAt);
  }
}
