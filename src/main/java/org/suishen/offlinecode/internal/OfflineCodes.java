package org.suishen.offlinecode.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.ProxyAudit;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.identity.Person;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * The operations on a person's printed offline code (O4-O7), the same on every channel:
 *
 * <ul>
 *   <li>first application (首次申领): for an eligible person who never had one;
 *   <li>download or reprint (下载/二次打印): the same valid code again;
 *   <li>report lost (挂失): every earlier print is void at once;
 *   <li>reissue (补领, at a kiosk): a new code with the same expiry, earlier prints void;
 *   <li>re-apply (再次申领, on the portal): a new code whose 180 days start again (also the way back
 *       after expiry).
 * </ul>
 *
 * One current code per person (a unique index), at most one application, reissue or re-apply per
 * person per calendar day across all channels (a key on the person and the city's day); a person's
 * operations are serialised, so two kiosks at the same moment leave one code and one refusal.
 */
@Service
public class OfflineCodes {

  static final String APPLIED = "offlinecode.applied";
  static final String REPRINTED = "offlinecode.reprinted";
  static final String LOST = "offlinecode.lost";
  static final String REISSUED = "offlinecode.reissued";
  static final String REAPPLIED = "offlinecode.reapplied";

  private final OfflineCredentialStore store;
  private final CodeTokens tokens;
  private final ProxyAudit audit;
  private final Eligibility eligibility;
  private final OfflineCodeProperties properties;
  private final Clock clock;

  OfflineCodes(
      OfflineCredentialStore store,
      CodeTokens tokens,
      ProxyAudit audit,
      OfflineCodeProperties properties,
      Clock clock) {
    this.store = store;
    this.tokens = tokens;
    this.audit = audit;
    this.properties = properties;
    this.eligibility = new Eligibility(properties.minorsUnder(), properties.eldersFrom());
    this.clock = clock;
  }

  /** 首次申领. */
  @Transactional
  public OfflineCode apply(Person person, Channel channel, Actor actor, @Nullable UUID holder) {
    store.lockPerson(person.id());
    if (store.latest(person.id()).isPresent()) {
      throw SuishenException.conflict("offlinecode.already-applied");
    }
    Instant now = now();
    return issue(person, "FIRST", channel, now, now.plus(properties.validity()), actor, holder, 0);
  }

  /** 下载/二次打印: the same valid code again (nothing new is issued, no daily limit). */
  @Transactional
  public OfflineCode reprint(Person person, Actor actor, @Nullable UUID holder) {
    OfflineCredential current = usable(person);
    var token =
        tokens.issueCredential(
            CodeType.OFFLINE, current.credentialId(), current.issuedAt(), current.expiresAt());
    audit.record(actor, REPRINTED, person.id(), current.channel().name(), holder);
    return new OfflineCode(current, token.token(), false);
  }

  /** 挂失: voids the current code at once. */
  @Transactional
  public OfflineCredential reportLost(Person person, Actor actor, @Nullable UUID holder) {
    store.lockPerson(person.id());
    OfflineCredential current = current(person);
    store.voidCurrent(person.id(), "LOST", now());
    audit.record(actor, LOST, person.id(), current.credentialId().toString(), holder);
    return store.latest(person.id()).orElseThrow();
  }

  /** 补领 (kiosk): a new code with the same expiry; earlier prints are void. */
  @Transactional
  public OfflineCode reissue(Person person, Channel channel, Actor actor, @Nullable UUID holder) {
    if (channel == Channel.PORTAL) {
      throw SuishenException.forbidden("offlinecode.kiosk-only");
    }
    store.lockPerson(person.id());
    OfflineCredential latest =
        store.latest(person.id()).orElseThrow(() -> SuishenException.notFound("offlinecode.none"));
    Instant now = now();
    if (latest.expiredAt(now)) {
      throw SuishenException.conflict("offlinecode.expired");
    }
    int voided = store.voidCurrent(person.id(), "REISSUED", now);
    return issue(person, "REISSUE", channel, now, latest.expiresAt(), actor, holder, voided);
  }

  /** 再次申领 (portal): a new code whose days start again; the way back after expiry too. */
  @Transactional
  public OfflineCode reapply(Person person, Channel channel, Actor actor, @Nullable UUID holder) {
    if (channel != Channel.PORTAL) {
      throw SuishenException.forbidden("offlinecode.portal-only");
    }
    store.lockPerson(person.id());
    if (store.latest(person.id()).isEmpty()) {
      throw SuishenException.notFound("offlinecode.none");
    }
    Instant now = now();
    int voided = store.voidCurrent(person.id(), "REAPPLIED", now);
    return issue(
        person, "REAPPLY", channel, now, now.plus(properties.validity()), actor, holder, voided);
  }

  /** The person's code as it stands (current, lost or none), for their page. */
  public Optional<OfflineCredential> latest(Person person) {
    return store.latest(person.id());
  }

  /** The code not voided; {@code offlinecode.lost} after a loss, {@code .none} if never applied. */
  private OfflineCredential current(Person person) {
    return store
        .current(person.id())
        .orElseThrow(
            () ->
                store.latest(person.id()).isPresent()
                    ? SuishenException.conflict("offlinecode.lost")
                    : SuishenException.notFound("offlinecode.none"));
  }

  private OfflineCredential usable(Person person) {
    OfflineCredential current = current(person);
    if (current.expiredAt(clock.instant())) {
      throw SuishenException.conflict("offlinecode.expired");
    }
    return current;
  }

  private OfflineCode issue(
      Person person,
      String operation,
      Channel channel,
      Instant now,
      Instant expiresAt,
      Actor actor,
      @Nullable UUID holder,
      int voided) {
    if (!eligibility.eligible(person, LocalDate.ofInstant(now, clock.getZone()))) {
      throw SuishenException.unprocessable(
          "offlinecode.not-eligible", properties.minorsUnder(), properties.eldersFrom());
    }
    UUID credentialId = UUID.randomUUID();
    if (!store.claimDay(
        person.id(), LocalDate.ofInstant(now, clock.getZone()), credentialId, now)) {
      throw SuishenException.conflict("offlinecode.once-a-day");
    }
    var token = tokens.issueCredential(CodeType.OFFLINE, credentialId, now, expiresAt);
    var credential =
        new OfflineCredential(
            credentialId,
            person.id(),
            operation,
            channel,
            token.issuedAt(),
            token.expiresAt(),
            null,
            null,
            token.keyId(),
            person.maskedName(),
            person.maskedDocumentNumber());
    store.insert(credential, actor.toString());
    String action =
        switch (operation) {
          case "FIRST" -> APPLIED;
          case "REISSUE" -> REISSUED;
          default -> REAPPLIED;
        };
    audit.record(actor, action, person.id(), channel.name(), holder);
    return new OfflineCode(credential, token.token(), voided > 0);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
