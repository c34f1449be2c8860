package org.suishen.citizen.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the rate limits look at before a code is sent.
 *
 * @param lastSentToPhone when the phone last received a code, if ever
 * @param sentToPhoneInDay codes sent to the phone within the last 24 hours
 * @param sentFromAddress codes requested from the client's address within the address window
 */
record CodeSendHistory(
    @Nullable Instant lastSentToPhone, int sentToPhoneInDay, int sentFromAddress) {}
