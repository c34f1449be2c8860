package org.suishen.healthcode;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks codes in groups, for a context that decides many presentations at once (a venue's
 * sentinels: one worker, one transaction per group). The token itself is verified on the caller's
 * thread ({@link #prepare}: format, key, signature, validity window; no database); what the
 * references stand for is judged for a whole group with one read per kind of reference ({@link
 * #judge}).
 */
public interface CodeGroupChecks {

  /** A token verified by itself, waiting to be judged with its group. */
  interface Verified {}

  /**
   * @param asOf when the code was presented: now, or when a terminal checked it offline (the caller
   *     bounds it)
   */
  Verified prepare(@Nullable String token, Instant asOf);

  /** One verdict per verified token, in order. */
  List<CheckedCode> judge(List<Verified> group, Set<CodeType> accepted);

  /**
   * A verdict with the masked identity kept with the reference (null where unknown: the caller may
   * ask the register) and, for an accepted proxy code, the holder's masked name.
   */
  record CheckedCode(
      CodeCheck check,
      @Nullable String maskedName,
      @Nullable String maskedDocument,
      @Nullable String holderMaskedName) {}
}
