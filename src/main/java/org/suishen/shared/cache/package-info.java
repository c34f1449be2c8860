/** Short-lived caches of rarely changing rows read on hot paths. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.cache;
