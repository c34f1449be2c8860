package org.suishen.status;

import io.swagger.v3.oas.annotations.media.Schema;
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
 * @param until a yellow or red status: when it is expected to end (the end of an observation
 *     period, of a manual change), when the data say so; {@code null} when unknown (a medical order
 *     ends when the authority says it has)
 */
public record HealthStatus(
    UUID personId,
    @Schema(example = "YELLOW") Colour colour,
    @Schema(description = "The rule that decided", example = "key-region-arrival") String rule,
    @Schema(description = "Stable reason code", example = "key-region-arrival.observation")
        String reason,
    @Schema(description = "Where the deciding data came from", example = "authority-feed")
        String source,
    @Schema(description = "When it took effect; null when no start is known")
        @Nullable Instant since,
    @Schema(description = "Show 'please declare your health information again'", example = "false")
        boolean redeclareNotice,
    @Schema(description = "Yellow or red: when it is expected to end; null when unknown")
        @Nullable Instant until) {}
