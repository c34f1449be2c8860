package org.suishen.accounts.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.accounts.Account;

/**
 * An account as the administrators' list shows it.
 *
 * @param lockedUntil when the lock on its login name ends, if one is in force
 */
public record ListedAccount(Account account, @Nullable Instant lockedUntil) {}
