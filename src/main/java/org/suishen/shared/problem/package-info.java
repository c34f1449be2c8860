/** Stable error codes and their RFC 9457 problem responses. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.problem;
