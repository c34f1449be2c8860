package org.suishen.citizen;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person took their identity back (身份找回, MISSION H1): the account that had claimed it (if any) no
 * longer stands for them, and {@code accountId} does. Carries no personal data.
 *
 * @param voidedAccountId the account whose claim was voided, null if none held it
 */
public record IdentityRecovered(
    UUID personId, UUID accountId, @Nullable UUID voidedAccountId, Instant at) {}
