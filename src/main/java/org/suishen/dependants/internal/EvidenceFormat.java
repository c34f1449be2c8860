package org.suishen.dependants.internal;

import java.util.Arrays;
import java.util.Optional;
import org.suishen.shared.upload.FileKind;

/** The file formats accepted for a household-register page, recognised by their first bytes. */
public enum EvidenceFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  PDF("application/pdf", "pdf");

  private final String mediaType;
  private final String extension;

  EvidenceFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public boolean image() {
    return this != PDF;
  }

  /**
   * The format whose signature the content starts with; the file name and declared type count for
   * nothing.
   */
  public static Optional<EvidenceFormat> of(byte[] content) {
    return FileKind.detect(content)
        .flatMap(
            kind -> Arrays.stream(values()).filter(f -> f.name().equals(kind.name())).findFirst());
  }
}
