package org.suishen.status.internal;

import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.status.PersonNotified;
import org.suishen.status.StatusNoticeDeliveries;

/** The status notices as an outbox: undelivered rows of {@code status_notice} (V24_2). */
@Component
class OutboxStatusNoticeDeliveries implements StatusNoticeDeliveries {

  private final StatusNotices notices;
  private final Clock clock;

  OutboxStatusNoticeDeliveries(StatusNotices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  @Transactional
  public int deliverPending(int limit, Consumer<PersonNotified> channel) {
    return notices.deliverPending(limit, channel, clock.instant());
  }
}
