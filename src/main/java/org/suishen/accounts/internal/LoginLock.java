package org.suishen.accounts.internal;

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
    String scope,
    @Nullable UUID accountId,
    @Nullable String login,
    @Nullable String address,
    int failures,
    Instant lockedUntil) {}
