/** The proxy code's figures, and the scan's check that the binding behind a proxy code stands. */
@org.jspecify.annotations.NullMarked
package org.suishen.proxycode.internal;
