package org.suishen.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.NameCorrections;
import org.suishen.identity.Names;
import org.suishen.identity.PersonNameCorrected;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

@Service
class RegisterNameCorrections implements NameCorrections {

  private static final int MAX_NAME_LENGTH = 100;

  private final PopulationRegister register;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final RegisterCache cache;

  RegisterNameCorrections(
      PopulationRegister register,
      JdbcClient jdbc,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      RegisterCache cache) {
    this.register = register;
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.cache = cache;
  }

  @Override
  @Transactional
  public void correct(UUID personId, String name, Actor actor, String reason) {
    String corrected = name.strip();
    if (corrected.isEmpty() || corrected.codePointCount(0, corrected.length()) > MAX_NAME_LENGTH) {
      throw SuishenException.badInput("identity.import.name");
    }
    var person =
        register
            .find(personId)
            .orElseThrow(() -> SuishenException.notFound("identity.person.unknown"));
    if (person.name().equals(corrected)) {
      return;
    }
    Instant now = clock.instant();
    jdbc.sql("UPDATE person SET name = ?, name_normalised = ?, updated_at = ? WHERE id = ?")
        .params(corrected, Names.normalise(corrected), OffsetDateTime.now(clock), personId)
        .update();
    cache.changed(java.util.List.of(personId));
    audit.record(AuditEvent.of(actor, "identity.person.name-corrected", personId, reason));
    events.publishEvent(new PersonNameCorrected(personId, now));
  }
}
