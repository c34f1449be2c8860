/**
 * Caches of rows read on hot paths: short-lived ones ({@link
 * org.suishen.shared.cache.ExpiringCache}) and the per-person rows of the code display that
 * PostgreSQL keeps true by notifications ({@link org.suishen.shared.cache.PersonRowCache}, {@link
 * org.suishen.shared.cache.RowChangeListener}).
 */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.cache;
