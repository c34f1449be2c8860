/**
 * The health authority's feeds (CSV upload or JSON): medical-management orders and releases, the
 * key-region list, arrivals and re-declaration requests. Rows are checked one by one in Java,
 * copied into a staging table, checked against the database set-based, applied by set-based upserts
 * that return the people whose facts really changed, and those people are evaluated in batches.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.status.internal.feed;
