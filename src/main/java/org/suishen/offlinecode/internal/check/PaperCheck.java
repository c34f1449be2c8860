package org.suishen.offlinecode.internal.check;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.PersonPhotos.PersonPhoto;
import org.suishen.healthcode.ScanReason;
import org.suishen.identity.Person;
import org.suishen.offlinecode.PaperCheckPassages;
import org.suishen.status.Colour;
import org.suishen.status.LatestTests;

/**
 * What a staff check of a paper code found. Only a valid code names its person; a void, expired or
 * forged one says why and nothing about anyone.
 *
 * @param state VALID, VOID (reported lost, reissued or re-applied for), EXPIRED or INVALID
 * @param latest the person's latest sample and negative result, when they were ever sampled
 * @param recentNegative a negative result sampled within the configured window (48 h)
 * @param watermark the masked scanner account and the time, tiled over the result
 * @param venue the rule of the venue the checker works at, and its verdict (recorded as a passage)
 */
public record PaperCheck(
    State state,
    ScanReason reason,
    @Nullable Person person,
    @Nullable Colour colour,
    LatestTests.@Nullable Latest latest,
    boolean recentNegative,
    @Nullable Instant expiresAt,
    @Nullable PersonPhoto photo,
    Instant checkedAt,
    String watermark,
    PaperCheckPassages.@Nullable VenueVerdict venue) {

  public enum State {
    VALID,
    VOID,
    EXPIRED,
    INVALID
  }
}
