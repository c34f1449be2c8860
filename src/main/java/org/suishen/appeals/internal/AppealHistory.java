package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of decided appeals, newest decision first.
 *
 * @param next the {@code before} of the following page; {@code null} on the last
 */
public record AppealHistory(List<DecidedAppeal> entries, @Nullable String next) {}
