package org.suishen.appeals.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision as sent, unchecked.
 *
 * @param outcome {@code UPHELD} or {@code REJECTED}
 * @param correctedColour for upholding a colour appeal
 * @param correctedName for upholding a name appeal
 * @param reason the reviewer's explanation shown to the person: required to reject, optional to
 *     uphold
 */
@Schema(name = "AppealDecisionRequest", description = "A reviewer's decision on an appeal")
public record DecisionRequest(
    @Schema(
            allowableValues = {"UPHELD", "REJECTED"},
            example = "UPHELD")
        @Nullable String outcome,
    @Schema(
            description = "Upholding a colour appeal: the corrected colour",
            allowableValues = {"GREEN", "YELLOW", "RED"},
            example = "GREEN")
        @Nullable String correctedColour,
    @Schema(
            description = "Upholding a name appeal: the name as on the identity document",
            example = "王晓明")
        @Nullable String correctedName,
    @Schema(
            description =
                "The explanation shown to the person: required to reject, optional to uphold",
            example = "经核实已解除隔离。")
        @Nullable String reason) {}
