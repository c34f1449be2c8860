package org.suishen.healthcode.internal.scan;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.internal.token.TokenVerifier.Verification;

/**
 * A scan waiting for its group: when and by whom it was made, and what the token check found so far
 * (the part that needs no database).
 *
 * @param accepted the code types this scanner accepts (taken from its request's authorities)
 */
public record ScanJob(
    Instant scannedAt,
    String scanner,
    @Nullable String purpose,
    @Nullable String location,
    Verification verification,
    Set<CodeType> accepted) {}
