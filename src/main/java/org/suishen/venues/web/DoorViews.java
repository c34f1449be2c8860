package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.venues.internal.door.DoorDecision;
import org.suishen.venues.internal.door.Doors;

/** The door's answer as every door page and API shows it. */
@Component
class DoorViews {

  private static final DateTimeFormatter CITY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MessageSource messages;
  private final Clock clock;
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  DoorViews(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  @Schema(name = "DoorPresentation", description = "What the door read: a code or an ID card")
  record PresentationRequest(
      @Schema(
              description = "The QR token read (live or proxy code); or give card",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "SSC:Aw...")
          @Nullable String token,
      @Schema(
              description = "An ID card from the reader, its document type (default RESIDENT_ID)",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "RESIDENT_ID")
          @Nullable String cardDocumentType,
      @Schema(
              description = "The card's number; or give token",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "310104198001010012")
          @Nullable String cardNumber,
      @Schema(
              description = "The name on the card",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "张三")
          @Nullable String cardName,
      @Schema(
              description = "Measured temperature in °C, where the device measures",
              example = "36.6")
          java.math.@Nullable BigDecimal temperature,
      @Schema(
              description =
                  "The device's idempotency key: sent again, the first answer comes back and the"
                      + " passage is recorded once",
              example = "s-0042-20260402-000123")
          @Nullable String key,
      @Schema(description = "The venue the device stands at, checked against its binding")
          java.util.@Nullable UUID venueId) {

    Doors.Presentation domain() {
      return new Doors.Presentation(
          token,
          cardNumber == null && cardName == null && cardDocumentType == null
              ? null
              : new Doors.CardRead(cardDocumentType, cardNumber, cardName),
          temperature,
          key,
          venueId);
    }
  }

  @Schema(name = "DoorDecision", description = "Admit or refuse, with the reason")
  record DecisionView(
      @Schema(description = "The passage's id in the log") java.util.UUID passageId,
      @Schema(description = "The venue whose rule decided") java.util.UUID venueId,
      @Schema(description = "The device's key, as sent", example = "s-0042-20260402-000123")
          @Nullable String key,
      @Schema(description = "The temperature measured, °C", example = "36.6")
          java.math.@Nullable BigDecimal temperature,
      @Schema(example = "2026-04-02T01:30:00Z") Instant passedAt,
      @Schema(description = "The same in the city's time", example = "2026-04-02 09:30")
          String passedAtText,
      @Schema(example = "true") boolean admitted,
      @Schema(
              description = "Stable reason code",
              allowableValues = {
                "admitted",
                "admitted-flagged",
                "colour-not-admitted",
                "no-recent-test",
                "fever",
                "id-card-not-matched",
                "id-card-offline",
                "expired",
                "invalid",
                "revoked",
                "wrong-code-type",
                "offline-needs-staff-check",
                "not-yet-valid",
                "unknown-person"
              })
          String reason,
      @Schema(example = "请通行") String messageZh,
      @Schema(example = "Please pass") String messageEn,
      @Schema(
              description = "What the gate does",
              allowableValues = {"OPEN", "CLOSED"})
          String gate,
      @Schema(
              description = "How the person was identified",
              allowableValues = {"LIVE", "PROXY", "ID_CARD", "SELF", "OFFLINE", "NAT", "CODE"})
          String credential,
      @Schema(example = "张*英") @Nullable String maskedName,
      @Schema(example = "3101**********1234") @Nullable String maskedDocumentNumber,
      @Schema(description = "For a proxy code: the family member who showed it", example = "李*")
          @Nullable String presentedBy,
      @Schema(allowableValues = {"GREEN", "YELLOW", "RED"}) @Nullable String colour,
      @Schema(description = "When the latest sample was taken") @Nullable Instant latestSampledAt,
      @Schema(description = "Sampling time of the latest negative result")
          @Nullable Instant latestNegativeSampledAt,
      @Schema(description = "The same in the city's time", example = "2026-04-01 08:10")
          @Nullable String latestNegativeText,
      @Schema(
              description = "Decided by the device while the centre could not be reached",
              example = "false")
          boolean offline,
      @Schema(description = "The key was sent before: this is the first answer", example = "false")
          boolean replayed) {}

  DecisionView view(DoorDecision d, @Nullable String key) {
    String text = "venues.door.reason." + d.reason().code();
    var latest = d.latest();
    Instant negative = latest == null ? null : latest.negativeSampledAt();
    return new DecisionView(
        d.passageId(),
        d.venueId(),
        key,
        d.temperature(),
        d.passedAt(),
        text(d.passedAt()),
        d.admitted(),
        d.reason().code(),
        message(text, ErrorMessages.CHINESE),
        message(text, ErrorMessages.ENGLISH),
        d.admitted() ? "OPEN" : "CLOSED",
        d.credential(),
        d.maskedName(),
        d.maskedDocument(),
        d.holderMaskedName(),
        d.colour(),
        latest == null ? null : latest.sampledAt(),
        negative,
        negative == null ? null : text(negative),
        d.offline(),
        d.replayed());
  }

  String text(Instant at) {
    return CITY_TIME.format(at.atZone(clock.getZone()));
  }

  String message(String key, Locale locale) {
    return texts.computeIfAbsent(
        key + '|' + locale.toLanguageTag(), k -> messages.getMessage(key, null, locale));
  }
}
