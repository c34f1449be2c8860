package org.suishen.status;

import java.time.Instant;
import java.util.UUID;

/**
 * A person must be told something about their status (e.g. a manual change took effect). The notice
 * is also kept for the person to read ({@code GET /api/me/status/notices}); channels (SMS, app
 * push) may listen to this event.
 *
 * @param kind {@code status.manual-change} or {@code status.appeal-correction}
 * @param messageCode the message key, e.g. {@code status.notice.manual-change.red}
 */
public record PersonNotified(UUID personId, String kind, String messageCode, Instant at) {}
