package org.suishen.healthcode.internal.token;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric alphabet, so a QR
 * code in alphanumeric mode carries the bytes with about 3 % overhead. Decoding is strict: any
 * character outside the alphabet, a dangling character or a triple above 65535 is refused.
 */
public final class Base45 {

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  private static final int[] VALUE = new int[128];

  static {
    java.util.Arrays.fill(VALUE, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUE[ALPHABET.charAt(i)] = i;
    }
  }

  private Base45() {}

  public static String encode(byte[] bytes) {
    var out = new StringBuilder((bytes.length / 2) * 3 + 2);
    int i = 0;
    for (; i + 1 < bytes.length; i += 2) {
      int n = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
      out.append(ALPHABET.charAt(n % 45));
      n /= 45;
      out.append(ALPHABET.charAt(n % 45));
      out.append(ALPHABET.charAt(n / 45));
    }
    if (i < bytes.length) {
      int n = bytes[i] & 0xff;
      out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
    }
    return out.toString();
  }

  /** Decodes {@code text[from, text.length())}; throws {@link MalformedToken} if not Base45. */
  public static byte[] decode(CharSequence text, int from) {
    int length = text.length() - from;
    if (length < 0 || length % 3 == 1) {
      throw new MalformedToken("base45 length");
    }
    var out = new ByteArrayOutputStream(length / 3 * 2 + 1);
    int i = from;
    for (; i + 2 < text.length(); i += 3) {
      int n =
          value(text.charAt(i)) + value(text.charAt(i + 1)) * 45 + value(text.charAt(i + 2)) * 2025;
      if (n > 0xffff) {
        throw new MalformedToken("base45 triple");
      }
      out.write(n >> 8);
      out.write(n & 0xff);
    }
    if (i < text.length()) {
      int n = value(text.charAt(i)) + value(text.charAt(i + 1)) * 45;
      if (n > 0xff) {
        throw new MalformedToken("base45 pair");
      }
      out.write(n);
    }
    return out.toByteArray();
  }

  private static int value(char c) {
    int v = c < 128 ? VALUE[c] : -1;
    if (v < 0) {
      throw new MalformedToken("base45 character");
    }
    return v;
  }
}
