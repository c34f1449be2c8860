package org.suishen.appeals.internal;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One file as the person uploaded it, not yet checked. The content is read only after its declared
 * size has passed the limit.
 *
 * @param originalName the name the browser sent, if any (shown to reviewers, never trusted)
 */
public record EvidenceUpload(@Nullable String originalName, long size, Content content) {

  /** Reads the file's bytes. */
  @FunctionalInterface
  public interface Content {
    byte[] read() throws IOException;
  }
}
