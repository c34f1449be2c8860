package org.suishen.dependants.internal;

import org.springframework.util.unit.DataSize;
import org.suishen.shared.problem.SuishenException;

/**
 * What a household-register page upload must be (MISSION R2): a JPEG, PNG or PDF file, recognised
 * by its first bytes (the file name and the declared type count for nothing), and no larger than
 * the configured maximum (5 MB).
 */
public final class EvidencePolicy {

  private final DataSize maxSize;

  public EvidencePolicy(DataSize maxSize) {
    this.maxSize = maxSize;
  }

  /** Refuses before reading a file whose declared size is already too large. */
  public void checkSize(long size) {
    if (size > maxSize.toBytes()) {
      throw SuishenException.badInput("dependants.evidence-too-large", maxSize.toMegabytes());
    }
  }

  public EvidenceFile inspect(byte[] content) {
    if (content.length == 0) {
      throw SuishenException.badInput("dependants.evidence-required");
    }
    checkSize(content.length);
    var format =
        EvidenceFormat.of(content)
            .orElseThrow(() -> SuishenException.badInput("dependants.evidence-type"));
    return new EvidenceFile(format, content);
  }

  public DataSize maxSize() {
    return maxSize;
  }
}
