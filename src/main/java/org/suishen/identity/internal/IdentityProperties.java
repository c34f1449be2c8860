package org.suishen.identity.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Figures of the identity context ({@code suishen.identity.*}, defaults in application.yaml).
 *
 * @param importFile when set, the application imports this register file at start-up, prints a
 *     progress bar and exits (see docs/identity.md)
 * @param registerImport limits of register imports
 */
@ConfigurationProperties("suishen.identity")
public record IdentityProperties(@Nullable Path importFile, RegisterImport registerImport) {

  /**
   * @param workDirectory where uploads wait while they are imported (deleted afterwards)
   * @param maxFileSize the largest register file accepted through the API
   * @param progressInterval how often a running import records its progress
   * @param maxNameLength the longest name accepted, in characters
   * @param interruptedAfter a RUNNING import older than this whose worker is gone (server restart)
   *     is marked FAILED
   * @param rejectionsShown how many refused rows the admin page lists (the CSV has them all)
   * @param mergeWorkMem PostgreSQL work memory for the merge (the hash of the file's documents)
   * @param firstLoadBulk load an empty register in bulk: COPY straight into {@code person} and
   *     build its indexes afterwards; {@code person} is locked until the import commits
   */
  public record RegisterImport(
      Path workDirectory,
      DataSize maxFileSize,
      Duration progressInterval,
      int maxNameLength,
      Duration interruptedAfter,
      int rejectionsShown,
      DataSize mergeWorkMem,
      boolean firstLoadBulk) {}
}
