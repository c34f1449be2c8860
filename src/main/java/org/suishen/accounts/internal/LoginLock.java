package org.suishen.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lock in force, as administrators see it.
 *
 * @param scope {@code LOGIN} (a login name) or {@code ADDRESS} (a client address)
 * @param accountId the locked account ({@code LOGIN} of an existing account), else {@code null}
 * @param login its login name, else {@code null} (unknown names are not shown)
 * @param address the locked client address ({@code ADDRESS}), else {@code null}
 */
public record LoginLock(
    @Schema(example = "LOGIN") String scope,
    @Schema(example = "6f1c2a9e-3b7d-4c1a-9e55-2d8f0b7a4c11") @Nullable UUID accountId,
    @Schema(example = "kiosk-0042") @Nullable String login,
    @Schema(example = "203.0.113.7") @Nullable String address,
    @Schema(example = "5") int failures,
    @Schema(example = "2026-04-02T08:30:00Z") Instant lockedUntil) {}
