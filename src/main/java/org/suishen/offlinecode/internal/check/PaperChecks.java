package org.suishen.offlinecode.internal.check;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.ProxyAudit;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.healthcode.ScanReason;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.offlinecode.internal.check.PaperCheck.State;
import org.suishen.shared.security.Actor;
import org.suishen.status.HealthStatuses;
import org.suishen.status.LatestTests;

/**
 * A staff check of a paper offline code (O9, O11): the token is checked as at any scan (signature,
 * key, expiry, voided credential); a valid one shows the person's colour read now, their latest
 * negative result and whether it is recent, the masked identity and the photo. The read is audited
 * ({@code offlinecode.checked}, subject the person) before the answer leaves.
 */
@Service
public class PaperChecks {

  static final String CHECKED = "offlinecode.checked";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final CodeTokens tokens;
  private final PopulationRegister register;
  private final HealthStatuses statuses;
  private final LatestTests tests;
  private final PersonPhotos photos;
  private final ProxyAudit audit;
  private final PaperCheckProperties properties;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<
          org.suishen.offlinecode.PaperCheckPassages>
      passages;

  PaperChecks(
      CodeTokens tokens,
      PopulationRegister register,
      HealthStatuses statuses,
      LatestTests tests,
      PersonPhotos photos,
      ProxyAudit audit,
      PaperCheckProperties properties,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<org.suishen.offlinecode.PaperCheckPassages>
          passages) {
    this.passages = passages;
    this.tokens = tokens;
    this.register = register;
    this.statuses = statuses;
    this.tests = tests;
    this.photos = photos;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public PaperCheck check(@Nullable String payload, String scannerLogin, Actor scanner) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String watermark = mask(scannerLogin) + " · " + TIME.format(now.atZone(clock.getZone()));
    CodeCheck check = tokens.check(clean(payload), Set.of(CodeType.OFFLINE));
    // another kind of code (a live code's screenshot, say) is no paper code, whatever its age
    boolean paper = check.type() == null || check.type() == CodeType.OFFLINE;
    State state = paper ? stateOf(check.reason()) : State.INVALID;
    Person person =
        state == State.VALID && check.personId() != null
            ? register.find(check.personId()).orElse(null)
            : null;
    if (person == null) {
      ScanReason reason = state == State.VALID ? ScanReason.UNKNOWN_PERSON : check.reason();
      State shown = state == State.VALID ? State.INVALID : state;
      return new PaperCheck(
          shown, reason, null, null, null, false, null, null, now, watermark, null);
    }
    var latest = tests.of(person.id()).orElse(null);
    Instant negative = latest == null ? null : latest.negativeSampledAt();
    boolean recent = negative != null && !negative.plus(properties.recentNegative()).isBefore(now);
    audit.record(scanner, CHECKED, person.id(), "VALID", null);
    var venue = passages.getIfAvailable();
    var verdict = venue == null ? null : venue.record(person.id(), scanner, now).orElse(null);
    return new PaperCheck(
        State.VALID,
        ScanReason.OK,
        person,
        statuses.current(person.id()).colour(),
        latest,
        recent,
        check.expiresAt(),
        photos.photoOf(person),
        now,
        watermark,
        verdict);
  }

  public PaperCheckProperties properties() {
    return properties;
  }

  private static State stateOf(ScanReason reason) {
    return switch (reason) {
      case OK -> State.VALID;
      case REVOKED -> State.VOID;
      case EXPIRED -> State.EXPIRED;
      default -> State.INVALID;
    };
  }

  /** The scanner's account, masked as every name someone else may see: {@code v***e}. */
  static String mask(String login) {
    if (login.length() <= 1) {
      return login + "*";
    }
    if (login.length() == 2) {
      return login.charAt(0) + "*";
    }
    return login.charAt(0) + "*".repeat(login.length() - 2) + login.charAt(login.length() - 1);
  }

  /** The scanned payload without the Enter a keyboard-wedge scanner appends. */
  public static String clean(@Nullable String payload) {
    if (payload == null) {
      return "";
    }
    // a keyboard-wedge scanner ends with Enter; Base45 may contain spaces, so only CR/LF go
    int end = payload.length();
    while (end > 0 && (payload.charAt(end - 1) == '\n' || payload.charAt(end - 1) == '\r')) {
      end--;
    }
    return payload.substring(0, end);
  }
}
