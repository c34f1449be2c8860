package org.suishen.healthcode.internal.scan;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.status.Colour;

/** One row of {@code scan_record}: who scanned whose code, where, and what the answer was. */
public record ScanRecord(
    Instant scannedAt,
    String scanner,
    @Nullable String purpose,
    @Nullable String location,
    ScanReason result,
    @Nullable CodeType codeType,
    @Nullable UUID personRef,
    @Nullable UUID personId,
    @Nullable Colour colour) {}
