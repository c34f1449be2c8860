package org.suishen.citizen.internal;

import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suishen.citizen.sms.SmsDeliveryException;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.status.PersonNotified;
import org.suishen.status.StatusNoticeDeliveries;

/**
 * What the status engine tells a person (a colour change, a manual change, an appeal correction)
 * also goes by text message to the phone of the person's account (issue 11): in Chinese with the
 * sender's mark, never a name or a document number. The job drains the engine's notice outbox in
 * batches ({@code suishen.citizen.sms.status-notices}); a person without an account has the notice
 * on the status page only. A text the gateway does not take is logged and not tried again (sending
 * a batch twice would text people twice): the notice stands on the status page.
 */
@Component
class StatusNoticeTexts {

  private static final Logger log = LoggerFactory.getLogger(StatusNoticeTexts.class);

  private final StatusNoticeDeliveries deliveries;
  private final CitizenAccounts accounts;
  private final SmsSender sms;
  private final MessageSource messages;
  private final int batchSize;

  StatusNoticeTexts(
      StatusNoticeDeliveries deliveries,
      CitizenAccounts accounts,
      SmsSender sms,
      MessageSource messages,
      CitizenProperties properties) {
    this.deliveries = deliveries;
    this.accounts = accounts;
    this.sms = sms;
    this.messages = messages;
    this.batchSize = properties.sms().statusNotices().batchSize();
  }

  @Scheduled(fixedDelayString = "${suishen.citizen.sms.status-notices.interval:5s}")
  @SchedulerLock(name = "citizen.statusNoticeTexts")
  void textPending() {
    int texted = 0;
    int batch;
    do {
      batch = deliveries.deliverPending(batchSize, this::text);
      texted += batch;
    } while (batch == batchSize);
    if (texted > 0) {
      log.info("Texted {} status notices", texted);
    }
  }

  private void text(PersonNotified notice) {
    var account = accounts.findByPerson(notice.personId()).orElse(null);
    if (account == null) {
      return;
    }
    String text =
        messages.getMessage(
            "citizen.sms.status-notice",
            new Object[] {
              messages.getMessage(notice.messageCode(), null, Locale.SIMPLIFIED_CHINESE)
            },
            Locale.SIMPLIFIED_CHINESE);
    try {
      sms.send(account.phone(), text);
    } catch (SmsDeliveryException e) {
      log.warn("Could not text a status notice ({}): {}", notice.kind(), e.getMessage());
    }
  }
}
