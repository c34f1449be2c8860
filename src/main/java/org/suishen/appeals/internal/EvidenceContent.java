package org.suishen.appeals.internal;

/**
 * An evidence file with its bytes, to be served to the appellant or a reviewer; no bytes (empty)
 * when the file was deleted under the retention rule ({@code file().purged()}).
 */
public record EvidenceContent(EvidenceFile file, byte[] content) {

  @Override
  public String toString() {
    return "EvidenceContent[" + file.id() + "]";
  }
}
