package org.suishen.offlinecode.internal.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Dependants;
import org.suishen.dependants.ProxyAudit;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.offlinecode.internal.Channel;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Log-in at a kiosk (O3, 003 step 2) and the session that follows. An ID card must name a person in
 * the register by the name on its chip; a live code must be a live one (not a NAT, proxy or paper
 * code); a proxy code logs the family member in for the dependant while their binding stands. A
 * refused log-in writes nothing. The session ends on sign-out, on the next log-in at the same kiosk
 * or after {@link KioskProperties#idleTimeout()} without a touch.
 */
@Service
public class KioskSessions {

  static final String SIGNED_IN = "offlinecode.kiosk.signed-in";

  private final KioskSessionStore store;
  private final PopulationRegister register;
  private final CodeTokens tokens;
  private final Dependants dependants;
  private final ProxyAudit audit;
  private final KioskProperties properties;
  private final Clock clock;

  KioskSessions(
      KioskSessionStore store,
      PopulationRegister register,
      CodeTokens tokens,
      Dependants dependants,
      ProxyAudit audit,
      KioskProperties properties,
      Clock clock) {
    this.store = store;
    this.register = register;
    this.tokens = tokens;
    this.dependants = dependants;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Logs a person in at this kiosk; ends the kiosk's previous session. */
  @Transactional
  public KioskSession start(String device, Channel channel, KioskLogin login) {
    if (channel == Channel.PORTAL) {
      throw SuishenException.forbidden("offlinecode.kiosk-only");
    }
    UUID personId;
    UUID holder = null;
    switch (login.method()) {
      case ID_CARD -> personId = byCard(login).id();
      case LIVE_CODE -> personId = requireAccepted(login.payload(), CodeType.LIVE).personId();
      case PROXY_CODE -> {
        CodeCheck proxy = requireAccepted(login.payload(), CodeType.PROXY);
        holder = proxy.holderPersonId();
        personId = proxy.personId();
        if (holder == null || personId == null) {
          throw SuishenException.unprocessable("offlinecode.kiosk.code-invalid");
        }
        dependants.requireBinding(holder, personId);
      }
      default -> throw new IllegalStateException("unknown log-in method " + login.method());
    }
    if (personId == null || register.find(personId).isEmpty()) {
      throw SuishenException.notFound("offlinecode.kiosk.person-unknown");
    }
    Instant now = now();
    store.endOpen(device, "REPLACED", now);
    var session =
        new KioskSession(
            UUID.randomUUID(), device, channel, login.method(), personId, holder, now, now, null);
    try {
      store.insert(session);
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      // two log-ins at one kiosk at the same moment: the screen shows one of them
      throw SuishenException.conflict("offlinecode.kiosk.busy");
    }
    audit.record(Actor.device(device), SIGNED_IN, personId, login.method().name(), holder);
    return session;
  }

  /**
   * The kiosk's open session, touched; {@code offlinecode.kiosk.session-ended} (410) when it was
   * signed out, replaced, belongs to another kiosk or sat idle too long (it is then ended).
   */
  public KioskSession require(UUID sessionId, String device) {
    KioskSession session =
        store
            .open(sessionId, device)
            .orElseThrow(() -> SuishenException.gone("offlinecode.kiosk.session-ended"));
    Instant now = now();
    if (session.lastSeenAt().plus(properties.idleTimeout()).isBefore(now)) {
      store.end(sessionId, "IDLE", now);
      throw SuishenException.gone("offlinecode.kiosk.session-ended");
    }
    store.touch(sessionId, now);
    return session;
  }

  /** Like {@link #require}, and the person has confirmed the name and photo shown. */
  public KioskSession requireConfirmed(UUID sessionId, String device) {
    KioskSession session = require(sessionId, device);
    if (session.confirmedAt() == null) {
      throw SuishenException.conflict("offlinecode.kiosk.not-confirmed");
    }
    return session;
  }

  /** 003 step 3: the person checked the name and photo and goes on. */
  public KioskSession confirm(UUID sessionId, String device) {
    KioskSession session = require(sessionId, device);
    store.confirm(sessionId, now());
    return store.open(sessionId, device).orElse(session);
  }

  public void end(UUID sessionId, String device) {
    require(sessionId, device);
    store.end(sessionId, "SIGNED_OUT", now());
  }

  public KioskProperties properties() {
    return properties;
  }

  private Person byCard(KioskLogin login) {
    String name = login.name();
    DocumentType type = DocumentType.find(login.documentType()).orElse(null);
    String number = login.documentNumber();
    if (type == null || number == null || number.isBlank() || name == null || name.isBlank()) {
      throw SuishenException.badInput("offlinecode.kiosk.card-unreadable");
    }
    IdentityDocument document = IdentityDocument.of(type, number);
    Person person =
        register
            .findByDocument(document)
            .orElseThrow(() -> SuishenException.notFound("offlinecode.kiosk.card-unknown"));
    if (!Names.same(name, person.name())) {
      throw SuishenException.unprocessable("offlinecode.kiosk.card-mismatch");
    }
    return person;
  }

  private CodeCheck requireAccepted(@Nullable String payload, CodeType type) {
    CodeCheck check =
        tokens.check(
            org.suishen.offlinecode.internal.check.PaperChecks.clean(payload), Set.of(type));
    if (!check.accepted() || check.personId() == null) {
      throw SuishenException.unprocessable(refusal(check.reason()));
    }
    return check;
  }

  /** One stable code per thing the person can do about it (open a live code, show another). */
  static String refusal(ScanReason reason) {
    return switch (reason) {
      case EXPIRED -> "offlinecode.kiosk.code-expired";
      case REVOKED -> "offlinecode.kiosk.code-revoked";
      case WRONG_CODE_TYPE, OFFLINE_NEEDS_STAFF_CHECK -> "offlinecode.kiosk.code-wrong-type";
      default -> "offlinecode.kiosk.code-invalid";
    };
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
