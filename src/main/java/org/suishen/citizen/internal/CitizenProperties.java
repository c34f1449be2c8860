package org.suishen.citizen.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Figures of the citizen context ({@code suishen.citizen.*}); defaults in application.yaml.
 *
 * @param otp one-time codes: validity, attempts and rate limits
 * @param sms which SMS adapter sends the codes and its settings
 * @param identity real-name registration
 * @param session logged-in sessions
 */
@ConfigurationProperties("suishen.citizen")
public record CitizenProperties(
    @DefaultValue Otp otp,
    @DefaultValue Sms sms,
    @DefaultValue Identity identity,
    @DefaultValue Session session) {

  /**
   * @param recheckInterval how often a logged-in session is checked against its account's session
   *     epoch (a session ended by a credential change is noticed within this time; 0 = on every
   *     request)
   */
  public record Session(@DefaultValue("15s") Duration recheckInterval) {
    public Session {
      if (recheckInterval.isNegative()) {
        throw new IllegalArgumentException("suishen.citizen.session.recheck-interval >= 0");
      }
    }
  }

  /**
   * @param validity how long a code may be used after it was sent
   * @param maxAttempts wrong entries allowed per code; after that the code is dead
   * @param resendInterval minimum time between two codes to the same phone
   * @param dailyLimit codes to the same phone within any 24 hours
   * @param ipLimit codes requested from one client IP address within {@code ipWindow} (0: no limit)
   * @param ipWindow the window of {@code ipLimit}
   * @param hashSecret key of the HMAC under which codes are stored; every node of a deployment must
   *     share it. Required (at least {@value #MIN_HASH_SECRET_LENGTH} characters): a start without
   *     it refuses
   */
  public record Otp(
      @DefaultValue("5m") Duration validity,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("60s") Duration resendInterval,
      @DefaultValue("10") int dailyLimit,
      @DefaultValue("300") int ipLimit,
      @DefaultValue("1h") Duration ipWindow,
      @DefaultValue("") String hashSecret) {

    /**
     * Shortest accepted {@code hash-secret}: 32 characters, e.g. {@code openssl rand -base64 32}.
     */
    public static final int MIN_HASH_SECRET_LENGTH = 32;
  }

  /** Which adapter delivers text messages. */
  public enum Adapter {
    /** Development: the log and the developer outbox page {@code /dev/sms}. */
    LOG,
    /** A real SMS gateway reached by an HTTP webhook. */
    WEBHOOK
  }

  /**
   * @param adapter {@code webhook} or {@code log} (development); no default: a start without it
   *     refuses
   * @param devOutbox with the log adapter, whether the developer page {@code /dev/sms} shows the
   *     messages (demo and test profiles only)
   * @param outboxSize messages kept by the developer outbox
   * @param webhook the gateway (webhook adapter only)
   * @param statusNotices texting the status engine's notices (colour changes and the like)
   */
  public record Sms(
      @Nullable Adapter adapter,
      @DefaultValue("false") boolean devOutbox,
      @DefaultValue("100") int outboxSize,
      @DefaultValue Webhook webhook,
      @DefaultValue StatusNotices statusNotices) {}

  /**
   * @param interval how often the job looks for notices to text
   * @param batchSize notices per transaction; a run takes batches until none is left
   */
  public record StatusNotices(
      @DefaultValue("5s") Duration interval, @DefaultValue("200") int batchSize) {}

  /**
   * @param url the gateway's endpoint; receives POST {@code {"phone": ..., "text": ...}}
   * @param token bearer token sent as {@code Authorization: Bearer <token>}
   * @param connectTimeout connection timeout
   * @param readTimeout time allowed for the answer
   */
  public record Webhook(
      @DefaultValue("") String url,
      @DefaultValue("") String token,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("5s") Duration readTimeout) {}

  /**
   * @param verifier the identity-check adapter: the name a deployment's {@code IdentityVerifier}
   *     answers to; {@code register} (development: the population register only, demo and test
   *     profiles). No default: a start without it refuses
   * @param failureLimit failed registration attempts (unknown document, wrong name, failed check)
   *     allowed per account within {@code failureWindow}
   * @param failureWindow the window of {@code failureLimit}
   */
  public record Identity(
      @DefaultValue("") String verifier,
      @DefaultValue("10") int failureLimit,
      @DefaultValue("20") int documentFailureLimit,
      @DefaultValue("24h") Duration failureWindow) {}
}
