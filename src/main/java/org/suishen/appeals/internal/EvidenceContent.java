package org.suishen.appeals.internal;

/** An evidence file with its bytes, to be served to the appellant or a reviewer. */
public record EvidenceContent(EvidenceFile file, byte[] content) {

  @Override
  public String toString() {
    return "EvidenceContent[" + file.id() + "]";
  }
}
