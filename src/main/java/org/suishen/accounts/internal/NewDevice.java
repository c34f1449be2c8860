package org.suishen.accounts.internal;

import org.jspecify.annotations.Nullable;

/** An administrator's request for a device account; the secret is generated. */
public record NewDevice(
    @Nullable String deviceId, @Nullable String role, @Nullable String description) {}
