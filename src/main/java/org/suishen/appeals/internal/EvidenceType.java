package org.suishen.appeals.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file accepted, recognised by their first bytes ("magic bytes"), never by
 * the name or the content type the browser claims.
 */
public enum EvidenceType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp"),
  PDF("application/pdf", "pdf");

  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WEBP_MAGIC = {'W', 'E', 'B', 'P'};
  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

  private final String contentType;
  private final String extension;

  EvidenceType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** An image a browser can show inline; everything else is offered as a download. */
  public boolean image() {
    return this != PDF;
  }

  /** What the content is, judged by its first bytes; empty if it is none of the accepted kinds. */
  public static Optional<EvidenceType> detect(byte[] content) {
    if (startsWith(content, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_MAGIC)) {
      return Optional.of(WEBP);
    }
    if (startsWith(content, 0, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  public static EvidenceType fromContentType(String contentType) {
    return Arrays.stream(values())
        .filter(t -> t.contentType.equals(contentType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(contentType));
  }

  private static boolean startsWith(byte[] content, int offset, byte[] magic) {
    if (content.length < offset + magic.length) {
      return false;
    }
    return Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
  }
}
