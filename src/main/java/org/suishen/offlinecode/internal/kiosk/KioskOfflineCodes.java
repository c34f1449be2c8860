package org.suishen.offlinecode.internal.kiosk;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.offlinecode.internal.OfflineCode;
import org.suishen.offlinecode.internal.OfflineCodeSheets;
import org.suishen.offlinecode.internal.OfflineCodes;
import org.suishen.offlinecode.internal.OfflineCredential;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * The offline-code operations at a kiosk (O4-O7, 003): for the person of the session (or the
 * dependant, the family member acting), after they confirmed name and photo. Re-application is the
 * portal's; a kiosk reissues instead.
 */
@Service
public class KioskOfflineCodes {

  private final KioskSessions sessions;
  private final OfflineCodes codes;
  private final OfflineCodeSheets sheets;
  private final PopulationRegister register;
  private final PersonPhotos photos;

  KioskOfflineCodes(
      KioskSessions sessions,
      OfflineCodes codes,
      OfflineCodeSheets sheets,
      PopulationRegister register,
      PersonPhotos photos) {
    this.sessions = sessions;
    this.codes = codes;
    this.sheets = sheets;
    this.register = register;
    this.photos = photos;
  }

  /**
   * The session with its person and their code as it stands, for the confirm screen.
   *
   * @param holder the relative acting, after a proxy-code log-in
   */
  public record Screen(
      KioskSession session,
      Person person,
      @Nullable Person holder,
      boolean photoOnFile,
      Optional<OfflineCredential> code) {}

  public Screen screen(UUID sessionId, String device) {
    KioskSession session = sessions.require(sessionId, device);
    Person person = person(session);
    UUID holder = session.holderPersonId();
    return new Screen(
        session,
        person,
        holder == null ? null : register.find(holder).orElse(null),
        photos.hasPhoto(person),
        codes.latest(person));
  }

  /** The photo from the library, for the person at the kiosk to check (003 step 3). */
  public PersonPhotos.PersonPhoto photo(UUID sessionId, String device) {
    return photos.photoOf(person(sessions.require(sessionId, device)));
  }

  public OfflineCode apply(UUID sessionId, String device) {
    KioskSession s = sessions.requireConfirmed(sessionId, device);
    return codes.apply(person(s), s.channel(), Actor.device(device), s.holderPersonId());
  }

  public OfflineCode reissue(UUID sessionId, String device) {
    KioskSession s = sessions.requireConfirmed(sessionId, device);
    return codes.reissue(person(s), s.channel(), Actor.device(device), s.holderPersonId());
  }

  /** Refused at a kiosk ({@code offlinecode.portal-only}): the portal re-applies. */
  public OfflineCode reapply(UUID sessionId, String device) {
    KioskSession s = sessions.requireConfirmed(sessionId, device);
    return codes.reapply(person(s), s.channel(), Actor.device(device), s.holderPersonId());
  }

  public OfflineCredential reportLost(UUID sessionId, String device) {
    KioskSession s = sessions.requireConfirmed(sessionId, device);
    return codes.reportLost(person(s), Actor.device(device), s.holderPersonId());
  }

  /** 下载/二次打印 at the kiosk's printer: the valid code's sheet (audited). */
  public byte[] sheet(UUID sessionId, String device, boolean card) {
    KioskSession s = sessions.requireConfirmed(sessionId, device);
    Person person = person(s);
    return sheets.render(
        person, codes.reprint(person, Actor.device(device), s.holderPersonId()), card);
  }

  private Person person(KioskSession session) {
    return register
        .find(session.personId())
        .orElseThrow(() -> SuishenException.notFound("offlinecode.kiosk.person-unknown"));
  }
}
