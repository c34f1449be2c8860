package org.suishen.appeals.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/**
 * A reviewer's decision on an appeal, checked by {@link DecisionPolicy}.
 *
 * @param correctedColour for an upheld colour appeal
 * @param correctedName for an upheld name appeal
 * @param reason the reviewer's explanation shown to the person: required when rejected, optional
 *     when upheld
 * @param decidedBy the reviewer, as the audit trail names them ({@code staff:wang.li})
 */
@Schema(description = "A reviewer's decision on an appeal")
public record Decision(
    Outcome outcome,
    @Schema(description = "For an upheld colour appeal", example = "GREEN")
        @Nullable Colour correctedColour,
    @Schema(description = "For an upheld name appeal", example = "王晓明")
        @Nullable String correctedName,
    @Schema(description = "The explanation shown to the person", example = "经核实已解除隔离。")
        @Nullable String reason,
    @Schema(example = "staff:wang.li") String decidedBy,
    Instant decidedAt) {}
