package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A scanned code and where and why it was scanned. */
record ScanRequest(
    @Schema(description = "The text read from the QR code", example = "SSC:...")
        @Nullable String payload,
    @Schema(
            description = "Why it is scanned, e.g. venue-entry, checkpoint",
            example = "venue-entry")
        @Pattern(regexp = "[a-z0-9-]{1,32}")
        @Nullable String purpose,
    @Schema(description = "Where, e.g. a venue or checkpoint name", example = "徐汇区图书馆 东门")
        @Size(max = 120)
        @Nullable String location) {}
