package org.suishen.dependants.internal;

import java.util.List;

/** The oldest pending applications, and how many are pending in all. */
public record ReviewQueue(long pending, List<ReviewItem> items) {}
