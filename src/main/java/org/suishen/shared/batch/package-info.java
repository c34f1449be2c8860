/** Scheduled jobs that work through due rows in batches, one transaction each. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.batch;
