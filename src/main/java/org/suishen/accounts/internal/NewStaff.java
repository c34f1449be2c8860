package org.suishen.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An administrator's request for a staff account; the names are the created {@code Account}'s.
 *
 * @param login the username
 * @param password the initial password; never shown back
 * @param roles staff roles by name
 */
public record NewStaff(
    @Schema(example = "li.ming") @Nullable String login,
    @Schema(example = "Li Ming, Xuhui district health commission") @Nullable String description,
    @Schema(example = "Spring-Rain-2026", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Nullable String password,
    @Schema(example = "[\"APPEAL_REVIEWER\"]") @Nullable List<String> roles) {}
