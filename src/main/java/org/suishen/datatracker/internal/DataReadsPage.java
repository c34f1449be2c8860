package org.suishen.datatracker.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the data tracker: whole days, newest first.
 *
 * @param next the {@code before} of the following page (an ISO date), absent on the last page
 */
@Schema(description = "Reads of your data, newest first, in whole days")
public record DataReadsPage(
    List<DataRead> entries,
    @Schema(
            description = "The before of the next page (ISO date); absent on the last page",
            example = "2026-02-27")
        @Nullable String next) {}
