package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A JSON application to bind a dependant of the same household (no evidence to upload). The answer
 * names the dependant under the same names, masked.
 */
@Schema(description = "Who to bind: the dependant's document and name as in the register")
record BindRequest(
    @Schema(
            description = "RESIDENT_ID, FOREIGN_PASSPORT, … (see DocumentType)",
            example = "RESIDENT_ID")
        @Nullable String documentType,
    @Schema(description = "In full; shown back masked", example = "310104201904120035")
        @Nullable String documentNumber,
    @Schema(description = "As in the register; shown back masked", example = "李小宝")
        @Nullable String name) {}
