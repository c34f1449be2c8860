/**
 * The kiosk channel (O3): who is at the self-service or bank kiosk — logged in with an ID card, a
 * live code or a proxy code — and their session, which ends on sign-out, a new log-in or idle time.
 */
@NullMarked
package org.suishen.offlinecode.internal.kiosk;

import org.jspecify.annotations.NullMarked;
