package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.List;

/** The open appeals, oldest first, as of {@code now}; {@code open} counts all of them. */
public record ReviewQueue(List<QueueEntry> entries, long open, Instant now) {}
