/**
 * Feeds that offline terminals poll "since X" (withdrawn references, voided NAT codes): paged by a
 * commit-ordered version so that no entry is ever skipped.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.feed;
