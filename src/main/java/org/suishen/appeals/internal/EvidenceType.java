package org.suishen.appeals.internal;

import java.util.Arrays;
import java.util.Optional;
import org.suishen.shared.upload.FileKind;

/**
 * The kinds of evidence file accepted, recognised by their first bytes ("magic bytes"), never by
 * the name or the content type the browser claims.
 */
public enum EvidenceType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp"),
  PDF("application/pdf", "pdf");

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
    return FileKind.detect(content).map(kind -> EvidenceType.valueOf(kind.name()));
  }

  public static EvidenceType fromContentType(String contentType) {
    return Arrays.stream(values())
        .filter(t -> t.contentType.equals(contentType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(contentType));
  }
}
