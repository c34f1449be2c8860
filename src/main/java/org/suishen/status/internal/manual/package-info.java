/**
 * Manual colour changes with a legal basis: a reason code from the configured list and evidence,
 * proposed by one health-authority officer and effective only when a second, different officer
 * approves; rejections are kept. Upheld appeals take the same audited path.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.status.internal.manual;
