/**
 * The token format, free of Spring: Base45 text, the binary layout, Ed25519 signatures for offline
 * verifiers and the short HMAC tag that the server checks.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode.internal.token;
