package org.suishen.citizen.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.citizen.sms.SmsDeliveryException;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;

/**
 * Six-digit one-time codes sent by SMS: limited in rate, valid for a few minutes, usable once, dead
 * after too many wrong entries, stored only as a keyed hash.
 */
@Service
public class OneTimeCodes {

  private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);
  private static final Pattern SIX_DIGITS = Pattern.compile("^\\d{6}$");

  private final CodeStore store;
  private final SmsSender sms;
  private final MessageSource messages;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final CitizenProperties.Otp settings;
  private final CodeSendingLimits limits;
  private final CodeHasher hasher;
  private final SecureRandom random = new SecureRandom();

  OneTimeCodes(
      CodeStore store,
      SmsSender sms,
      MessageSource messages,
      TransactionTemplate transaction,
      Clock clock,
      CitizenProperties properties) {
    this.store = store;
    this.sms = sms;
    this.messages = messages;
    this.transaction = transaction;
    this.clock = clock;
    this.settings = properties.otp();
    this.limits = new CodeSendingLimits(settings);
    this.hasher = CodeHasher.fromSecret(settings.hashSecret());
  }

  /** What the person is told after a code was sent: where to (masked), until when, resend when. */
  public record SentCode(String maskedPhone, Instant expiresAt, Instant resendAt) {}

  /**
   * Sends a new code to the phone, unless a limit is reached (429). Earlier codes for the same
   * purpose stop working: only the newest counts.
   */
  public SentCode send(
      PhoneNumber phone, CodePurpose purpose, @Nullable UUID accountId, String clientAddress) {
    String code = "%06d".formatted(random.nextInt(1_000_000));
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.validity());
    transaction.executeWithoutResult(
        status -> {
          store.lockPhone(phone);
          var history =
              store.history(
                  phone,
                  clientAddress,
                  now.minus(CodeSendingLimits.DAY),
                  now.minus(settings.ipWindow()));
          limits.check(history, now);
          store.insert(
              id, phone, purpose, accountId, hasher.hash(id, code), clientAddress, now, expiresAt);
        });
    try {
      sms.send(phone.value(), text(purpose, code));
    } catch (SmsDeliveryException | IllegalStateException e) {
      store.delete(id);
      log.warn("One-time code to {} not delivered: {}", phone.masked(), e.getMessage());
      throw new SuishenException("citizen.sms.unavailable", HttpStatus.SERVICE_UNAVAILABLE);
    }
    return new SentCode(phone.masked(), expiresAt, now.plus(settings.resendInterval()));
  }

  /**
   * Accepts the newest code sent to the phone for the purpose, exactly once; otherwise refuses with
   * {@code citizen.otp.*}. Every entry counts against the code's attempts before it is compared.
   */
  public void redeem(
      PhoneNumber phone, CodePurpose purpose, @Nullable UUID accountId, @Nullable String entered) {
    String code = entered == null ? "" : entered.strip();
    if (!SIX_DIGITS.matcher(code).matches()) {
      throw SuishenException.badInput("citizen.otp.format");
    }
    Instant now = clock.instant();
    StoredCode stored =
        store
            .latest(phone, purpose, accountId)
            .orElseThrow(() -> SuishenException.badInput("citizen.otp.not-requested"));
    stored.requireUsable(now, settings.maxAttempts());
    int attempts =
        store
            .countAttempt(stored.id(), settings.maxAttempts())
            .orElseThrow(
                () -> {
                  store
                      .latest(phone, purpose, accountId)
                      .ifPresent(s -> s.requireUsable(now, settings.maxAttempts()));
                  return SuishenException.badInput("citizen.otp.used");
                });
    if (!hasher.matches(stored.id(), code, stored.codeHash())) {
      int left = settings.maxAttempts() - attempts;
      if (left <= 0) {
        throw SuishenException.badInput("citizen.otp.attempts");
      }
      throw SuishenException.badInput("citizen.otp.wrong", left);
    }
    if (!store.markUsed(stored.id(), now)) {
      throw SuishenException.badInput("citizen.otp.used");
    }
  }

  private String text(CodePurpose purpose, String code) {
    long minutes = Math.max(1, settings.validity().toMinutes());
    return messages.getMessage(
        "citizen.sms.text." + purpose.name(), new Object[] {code, minutes}, ErrorMessages.CHINESE);
  }
}
