package org.suishen.audit.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of search results, newest first.
 *
 * @param next the cursor of the following page ({@code page=} parameter), or {@code null} at the
 *     end
 */
public record AuditPage(List<AuditEntry> entries, @Nullable String next) {}
