package org.suishen.offlinecode.internal.kiosk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.offlinecode.internal.Channel;

/**
 * A person's session at one kiosk.
 *
 * @param personId whom the operations are for (the dependant after a proxy-code log-in)
 * @param holderPersonId the family member acting, after a proxy-code log-in; else null
 * @param confirmedAt when the person confirmed the name and photo shown (003 step 3)
 */
public record KioskSession(
    UUID sessionId,
    String device,
    Channel channel,
    KioskLogin.Method method,
    UUID personId,
    @Nullable UUID holderPersonId,
    Instant startedAt,
    Instant lastSeenAt,
    @Nullable Instant confirmedAt) {}
