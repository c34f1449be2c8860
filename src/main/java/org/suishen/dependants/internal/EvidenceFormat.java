package org.suishen.dependants.internal;

import java.util.Arrays;
import java.util.Optional;

/** The file formats accepted for a household-register page, recognised by their first bytes. */
public enum EvidenceFormat {
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

  private final String mediaType;
  private final String extension;
  private final byte[] magic;

  EvidenceFormat(String mediaType, String extension, byte[] magic) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.magic = magic;
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
    return Arrays.stream(values())
        .filter(
            f ->
                content.length > f.magic.length
                    && Arrays.equals(content, 0, f.magic.length, f.magic, 0, f.magic.length))
        .findFirst();
  }
}
