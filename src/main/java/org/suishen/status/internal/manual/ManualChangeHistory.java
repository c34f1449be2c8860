package org.suishen.status.internal.manual;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of decided manual changes, newest decision first.
 *
 * @param next the {@code before} of the following page; {@code null} on the last
 */
public record ManualChangeHistory(List<DecidedManualChange> entries, @Nullable String next) {}
