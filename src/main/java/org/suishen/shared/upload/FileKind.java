package org.suishen.shared.upload;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of uploaded file the platform accepts as evidence, recognised by their first bytes
 * ("magic bytes"), never by the file name or the content type the browser claims. Each context
 * decides which of them it accepts.
 */
public enum FileKind {
  JPEG(0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG(0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
  /** RIFF container ("RIFF", 4 bytes of length) holding WEBP. */
  WEBP(8, new byte[] {'W', 'E', 'B', 'P'}),
  PDF(0, new byte[] {'%', 'P', 'D', 'F', '-'});

  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};

  private final int offset;
  private final byte[] magic;

  FileKind(int offset, byte[] magic) {
    this.offset = offset;
    this.magic = magic;
  }

  /** What the content is, judged by its first bytes; empty if it is none of these kinds. */
  public static Optional<FileKind> detect(byte[] content) {
    return Arrays.stream(values()).filter(kind -> kind.matches(content)).findFirst();
  }

  private boolean matches(byte[] content) {
    if (this == WEBP && !startsWith(content, 0, RIFF)) {
      return false;
    }
    return startsWith(content, offset, magic);
  }

  private static boolean startsWith(byte[] content, int offset, byte[] magic) {
    return content.length >= offset + magic.length
        && Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
  }
}
