package org.suishen.appeals.internal;

/**
 * An evidence file that passed {@link EvidencePolicy}: a clean display name, its kind, its bytes.
 */
public record Evidence(String fileName, EvidenceType type, byte[] content) {

  @Override
  public String toString() {
    return "Evidence[" + type + ", " + content.length + " bytes]";
  }
}
