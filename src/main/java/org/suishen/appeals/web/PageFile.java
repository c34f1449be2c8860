package org.suishen.appeals.web;

import java.util.UUID;
import org.suishen.appeals.internal.EvidenceFile;

/**
 * An evidence file on a page: a link while it is held; once deleted under the retention rule, the
 * day of deletion and the SHA-256 that stays.
 */
record PageFile(UUID id, String fileName, String contentType, String sha256, String purgedOn) {

  static PageFile of(EvidenceFile f, PageFormat format) {
    return new PageFile(
        f.id(), f.fileName(), f.type().contentType(), f.sha256(), format.date(f.purgedAt()));
  }

  public boolean purged() {
    return !purgedOn.isEmpty();
  }
}
