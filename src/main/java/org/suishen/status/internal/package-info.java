/**
 * The status engine's implementation: facts and statuses in PostgreSQL, evaluation in batches, the
 * sweep, authority feeds ({@code feed}) and manual changes ({@code manual}).
 */
@org.jspecify.annotations.NullMarked
package org.suishen.status.internal;
