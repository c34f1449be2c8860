/** Keyset paging of lists ordered newest first by a time and an id. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.paging;
