package org.suishen.accounts.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An administrator's request for a staff account; roles by name (e.g. {@code AUDITOR}). */
public record NewStaff(
    @Nullable String username,
    @Nullable String description,
    @Nullable String password,
    @Nullable List<String> roles) {}
