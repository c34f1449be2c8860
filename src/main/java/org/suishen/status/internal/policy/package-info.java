/**
 * The status rules as pure functions: a person's facts, the time and the configured figures in, a
 * {@link org.suishen.status.internal.policy.Verdict} out. No database, no clock, no Spring.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.status.internal.policy;
