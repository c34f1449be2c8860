package org.suishen.status;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's current health status: the colour, the rule that produced it, its reason code, the
 * source of the data (e.g. {@code authority-feed}, {@code appeal}, {@code manual}) and when it took
 * effect.
 *
 * @param since when the status took effect; {@code null} when no start is known (a person the
 *     engine knows nothing against has been green "since ever")
 * @param redeclareNotice a green code shows "please declare your health information again" (H1, H2)
 */
public record HealthStatus(
    UUID personId,
    Colour colour,
    String rule,
    String reason,
    String source,
    @Nullable Instant since,
    boolean redeclareNotice) {}
