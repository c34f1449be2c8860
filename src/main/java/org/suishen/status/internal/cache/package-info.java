/**
 * The status rows kept on each node for the citizen's code display (the busiest call of all), kept
 * true by PostgreSQL: a trigger on {@code health_status} notifies at commit which people changed,
 * every node listens and drops them. While a node does not listen (its connection is being made
 * again) its cache answers nothing. The mechanism is {@code shared.cache.PersonRowCache}.
 */
@NullMarked
package org.suishen.status.internal.cache;

import org.jspecify.annotations.NullMarked;
