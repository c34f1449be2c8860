/** The injected {@link java.time.Clock}. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.time;
