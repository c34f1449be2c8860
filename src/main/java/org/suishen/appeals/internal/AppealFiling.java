package org.suishen.appeals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.limits.PersonWrite;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.status.HealthStatuses;

/**
 * The appellant's side: filing an appeal (checked in full before anything is written, then written
 * with its evidence and audit entry in one transaction) and reading one's own appeals.
 */
@Service
public class AppealFiling {

  private final JdbcAppeals appeals;
  private final FilingPolicy policy;
  private final PopulationRegister register;
  private final HealthStatuses statuses;
  private final AuditTrail audit;
  private final Clock clock;

  private final PersonWriteLimits writeLimits;

  AppealFiling(
      PersonWriteLimits writeLimits,
      JdbcAppeals appeals,
      FilingPolicy policy,
      PopulationRegister register,
      HealthStatuses statuses,
      AuditTrail audit,
      Clock clock) {
    this.writeLimits = writeLimits;
    this.appeals = appeals;
    this.policy = policy;
    this.register = register;
    this.statuses = statuses;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Appeal file(CitizenPrincipal citizen, FilingRequest request) {
    UUID personId = personOf(citizen);
    var person =
        register
            .find(personId)
            .orElseThrow(() -> SuishenException.forbidden("appeals.not-registered"));
    var colourNow = statuses.current(personId).colour();
    Filing filing = policy.check(request, colourNow, person.name());
    if (appeals.openExists(personId, filing.kind())) {
      throw SuishenException.conflict("appeals.already-open");
    }
    writeLimits.count(personId, PersonWrite.APPEAL);
    Appeal appeal = Appeal.file(personId, filing, colourNow, Instant.now(clock));
    Actor actor = Actor.citizen(citizen.accountId().toString());
    try {
      appeals.insert(appeal, actor.toString(), filing.evidence());
    } catch (DuplicateKeyException e) {
      throw SuishenException.conflict("appeals.already-open");
    }
    audit.record(
        new AuditEvent(
            actor,
            "appeals.appeal.filed",
            personId,
            "appeal filed by the person",
            "appeal="
                + appeal.id()
                + " kind="
                + appeal.kind()
                + " files="
                + filing.evidence().size()));
    return appeal;
  }

  /** The person's appeals, newest first, with their evidence files. */
  @Transactional(readOnly = true)
  public List<CitizenAppeal> mine(CitizenPrincipal citizen) {
    var list = appeals.ofPerson(personOf(citizen));
    var files = appeals.evidence(list.stream().map(Appeal::id).toList());
    return list.stream()
        .map(a -> new CitizenAppeal(a, files.getOrDefault(a.id(), List.of())))
        .toList();
  }

  /** One of the person's appeals; someone else's is as unknown as a missing one. */
  @Transactional(readOnly = true)
  public CitizenAppeal mine(CitizenPrincipal citizen, UUID appealId) {
    Appeal appeal = own(citizen, appealId);
    return new CitizenAppeal(appeal, appeals.evidence(appeal.id()));
  }

  /** One of the evidence files the person attached to their own appeal. */
  @Transactional(readOnly = true)
  public EvidenceContent evidence(CitizenPrincipal citizen, UUID appealId, UUID fileId) {
    own(citizen, appealId);
    var content =
        appeals
            .evidenceContent(appealId, fileId)
            .orElseThrow(() -> SuishenException.notFound("appeals.evidence.not-found"));
    var purgedAt = content.file().purgedAt();
    if (purgedAt != null) {
      throw EvidencePurged.of(purgedAt, clock.getZone());
    }
    return content;
  }

  private Appeal own(CitizenPrincipal citizen, UUID appealId) {
    UUID personId = personOf(citizen);
    return appeals
        .find(appealId)
        .filter(a -> a.personId().equals(personId))
        .orElseThrow(() -> SuishenException.notFound("appeals.not-found"));
  }

  private static UUID personOf(CitizenPrincipal citizen) {
    if (citizen.personId() == null) {
      throw SuishenException.forbidden("appeals.not-registered");
    }
    return citizen.personId();
  }
}
