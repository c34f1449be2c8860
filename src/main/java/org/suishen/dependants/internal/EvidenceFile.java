package org.suishen.dependants.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** An uploaded household-register page, its format checked by its content. */
public record EvidenceFile(EvidenceFormat format, byte[] content) {

  public EvidenceFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  public byte[] sha256() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EvidenceFile f
        && f.format == format
        && java.util.Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + java.util.Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "EvidenceFile[" + format + ", " + content.length + " bytes]";
  }
}
