package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A scanned code and where and why it was scanned. The answer is a decision about the code, not a
 * view of this request: the fields are write-only (recorded with the scan, not shown back).
 */
record ScanRequest(
    @Schema(
            description = "The text read from the QR code",
            example = "SSC:...",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @Nullable String payload,
    @Schema(
            description = "Why it is scanned, e.g. venue-entry, checkpoint",
            example = "venue-entry",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @Pattern(regexp = "[a-z0-9-]{1,32}")
        @Nullable String purpose,
    @Schema(
            description = "Where, e.g. a venue or checkpoint name",
            example = "徐汇区图书馆 东门",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(max = 120)
        @Nullable String location) {}
