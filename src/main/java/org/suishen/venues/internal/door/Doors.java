package org.suishen.venues.internal.door;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeGroupChecks;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.venues.internal.VenuesProperties;
import org.suishen.venues.internal.passage.Provenance;
import org.suishen.venues.internal.rule.DoorReason;
import org.suishen.venues.internal.venue.Venue;
import org.suishen.venues.internal.venue.Venues;

/**
 * The ways a person passes a door (D1-D3, O9-O11): a sentinel decides now, or uploads what it
 * decided while the centre could not be reached; venue staff check with their phone; a citizen
 * scans the venue's poster. Each is checked here (who may record at which venue, what was shown)
 * and decided and recorded in a group ({@link DoorGroups}).
 */
@Component
public class Doors {

  /** The most passages one offline upload carries. */
  public static final int MAX_UPLOAD = 500;

  private static final int MAX_TOKEN = 512;
  private static final int MAX_KEY = 100;
  private static final BigDecimal LOWEST = new BigDecimal("30.0");
  private static final BigDecimal HIGHEST = new BigDecimal("45.0");

  private final Venues venues;
  private final CodeGroupChecks checks;
  private final DoorGroups groups;
  private final VenuesProperties properties;
  private final Clock clock;

  Doors(
      Venues venues,
      CodeGroupChecks checks,
      DoorGroups groups,
      VenuesProperties properties,
      Clock clock) {
    this.venues = venues;
    this.checks = checks;
    this.groups = groups;
    this.properties = properties;
    this.clock = clock;
  }

  /** An ID card as the reader gave it. */
  public record CardRead(
      @Nullable String documentType, @Nullable String number, @Nullable String name) {}

  /**
   * What a door read: a code's token or an ID card (exactly one), a temperature where the device
   * measures it, the device's idempotency key.
   *
   * @param venueId the venue the device believes it stands at (checked against its binding), or
   *     null
   */
  public record Presentation(
      @Nullable String token,
      @Nullable CardRead card,
      @Nullable BigDecimal temperature,
      @Nullable String key,
      @Nullable UUID venueId) {}

  /** A passage a sentinel decided offline: what it read, when, and what it decided. */
  public record OfflinePassage(
      Presentation presentation,
      @Nullable Instant passedAt,
      @Nullable String reason,
      @Nullable String colour) {}

  /** A sentinel's presentation, decided now. */
  public DoorDecision atSentinel(Presentation presentation, Actor device) {
    Venue venue = sentinelVenue(presentation.venueId(), device);
    Instant now = clock.instant();
    return groups.submit(job(venue, Provenance.SENTINEL, device, presentation, now, null));
  }

  /**
   * A sentinel's upload of passages it decided offline: all recorded together or none (an upload
   * sent again answers as the first time, each key once).
   */
  public List<DoorDecision> uploadOffline(List<OfflinePassage> passages, Actor device) {
    if (passages.isEmpty()) {
      throw SuishenException.badInput("venues.upload.empty");
    }
    if (passages.size() > MAX_UPLOAD) {
      throw SuishenException.badInput("venues.upload.too-many", MAX_UPLOAD);
    }
    Instant now = clock.instant();
    var jobs = new ArrayList<DoorJob>(passages.size());
    for (OfflinePassage passage : passages) {
      Venue venue = sentinelVenue(passage.presentation().venueId(), device);
      if (passage.presentation().key() == null) {
        throw SuishenException.badInput("venues.passage.key-required");
      }
      Instant at = passage.passedAt();
      if (at == null || !DoorDecider.within(at, now, properties.offlineAcceptedFor())) {
        throw SuishenException.badInput(
            "venues.upload.passed-at-invalid", properties.offlineAcceptedFor().toHours());
      }
      DoorReason reason = DoorReason.parse(passage.reason());
      if (reason == null) {
        throw SuishenException.badInput("venues.upload.reason-invalid");
      }
      var decision = new DoorJob.OfflineDecision(reason, colour(passage.colour()));
      jobs.add(job(venue, Provenance.SENTINEL, device, passage.presentation(), at, decision));
    }
    return groups.submitAll(jobs);
  }

  /** Venue staff checking a code with their phone, at the venue they work at. */
  public DoorDecision staffCheck(Presentation presentation, Actor staff) {
    Venue venue =
        venues
            .venueOf(staff)
            .orElseThrow(
                () -> new SuishenException("venues.staff.unassigned", HttpStatus.FORBIDDEN));
    if (presentation.card() != null) {
      // staff compare the card by eye; the phone page reads codes only
      throw SuishenException.badInput("venues.door.code-required");
    }
    return groups.submit(
        job(venue, Provenance.STAFF_CHECK, staff, presentation, clock.instant(), null));
  }

  /**
   * A paper offline code a member of staff checked with the ID card (the offline-code context's
   * check), recorded as a passage of the venue they work at; nothing for staff of no venue (a
   * sampler checking at a table).
   */
  public java.util.Optional<DoorDecision> paperChecked(UUID personId, Actor staff, Instant at) {
    return venues
        .venueOf(staff)
        .map(
            venue ->
                groups.submit(
                    new DoorJob(
                        UUID.randomUUID(),
                        at,
                        venue,
                        Provenance.STAFF_CHECK,
                        staff.toString(),
                        new Presented.CheckedPaper(personId),
                        null,
                        null,
                        null,
                        null)));
  }

  /** A citizen who scanned a venue's poster: their claim, recorded and answered with the rule. */
  public DoorDecision selfScan(@Nullable String venueCode, UUID personId, Actor citizen) {
    Venue venue =
        venues
            .byCode(venueCode == null ? "" : venueCode.strip())
            .orElseThrow(() -> new SuishenException("venues.code.unknown", HttpStatus.NOT_FOUND));
    return groups.submit(
        new DoorJob(
            UUID.randomUUID(),
            clock.instant(),
            venue,
            Provenance.SELF_SCAN,
            citizen.toString(),
            new Presented.Self(personId),
            null,
            null,
            null,
            null));
  }

  private Venue sentinelVenue(@Nullable UUID claimed, Actor device) {
    Venue venue =
        venues
            .venueOf(device)
            .orElseThrow(
                () -> new SuishenException("venues.sentinel.unassigned", HttpStatus.FORBIDDEN));
    if (claimed != null && !claimed.equals(venue.id())) {
      throw new SuishenException("venues.sentinel.other-venue", HttpStatus.FORBIDDEN);
    }
    return venue;
  }

  private DoorJob job(
      Venue venue,
      Provenance provenance,
      Actor actor,
      Presentation presentation,
      Instant at,
      DoorJob.@Nullable OfflineDecision offline) {
    String key = presentation.key();
    if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
      throw SuishenException.badInput("venues.passage.key-invalid", MAX_KEY);
    }
    BigDecimal temperature = presentation.temperature();
    if (temperature != null
        && (temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0)) {
      throw SuishenException.badInput("venues.door.temperature-invalid", LOWEST, HIGHEST);
    }
    Presented presented;
    CodeGroupChecks.Verified verified = null;
    if (presentation.token() != null && presentation.card() == null) {
      String token = presentation.token().strip();
      if (token.isEmpty() || token.length() > MAX_TOKEN) {
        throw SuishenException.badInput("venues.door.token-invalid", MAX_TOKEN);
      }
      presented = new Presented.Code(token);
      verified = checks.prepare(token, at);
    } else if (presentation.card() != null && presentation.token() == null) {
      presented = card(presentation.card());
    } else {
      throw SuishenException.badInput("venues.door.credential-required");
    }
    return new DoorJob(
        UUID.randomUUID(),
        at,
        venue,
        provenance,
        actor.toString(),
        presented,
        verified,
        temperature == null ? null : temperature.setScale(1, java.math.RoundingMode.HALF_UP),
        key,
        offline);
  }

  private static Presented.IdCard card(CardRead card) {
    if (card.number() == null || card.number().isBlank()) {
      throw SuishenException.badInput("venues.card.number-required");
    }
    if (card.name() == null || card.name().isBlank()) {
      throw SuishenException.badInput("venues.card.name-required");
    }
    DocumentType type =
        card.documentType() == null
            ? DocumentType.RESIDENT_ID
            : DocumentType.parse(card.documentType());
    return new Presented.IdCard(IdentityDocument.of(type, card.number()), card.name().strip());
  }

  private static @Nullable String colour(@Nullable String colour) {
    if (colour == null) {
      return null;
    }
    try {
      return Colour.valueOf(colour.strip().toUpperCase(java.util.Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("venues.upload.colour-invalid");
    }
  }
}
