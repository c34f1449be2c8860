package org.suishen.appeals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.appeals.AppealKind;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.citizen.IdentityRecoveries;
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
  private final IdentityRecoveries recoveries;

  AppealFiling(
      PersonWriteLimits writeLimits,
      IdentityRecoveries recoveries,
      JdbcAppeals appeals,
      FilingPolicy policy,
      PopulationRegister register,
      HealthStatuses statuses,
      AuditTrail audit,
      Clock clock) {
    this.writeLimits = writeLimits;
    this.recoveries = recoveries;
    this.appeals = appeals;
    this.policy = policy;
    this.register = register;
    this.statuses = statuses;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Appeal file(CitizenPrincipal citizen, FilingRequest request) {
    if (FilingPolicy.kind(request.kind()) == AppealKind.IDENTITY_TAKEN) {
      return fileIdentityAppeal(citizen, request);
    }
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
    return insert(
        Appeal.file(personId, filing, colourNow, Instant.now(clock)), citizen, filing, "");
  }

  /**
   * An identity appeal, from an account that holds no identity yet: the document and name must
   * match the register under registration's limits and uniform refusal ({@link
   * IdentityRecoveries#appealable}); one open identity appeal per account; the daily appeal limit
   * counts per account, since the appellant is not yet anyone.
   */
  private Appeal fileIdentityAppeal(CitizenPrincipal citizen, FilingRequest request) {
    if (citizen.personId() != null) {
      throw SuishenException.conflict("appeals.identity.registered");
    }
    var checked = policy.checkIdentity(request);
    UUID personId = recoveries.appealable(citizen.accountId(), checked.document(), checked.name());
    if (appeals.openIdentityAppealExists(citizen.accountId())) {
      throw SuishenException.conflict("appeals.already-open");
    }
    writeLimits.count(citizen.accountId(), PersonWrite.APPEAL);
    var colourNow = statuses.current(personId).colour();
    Appeal appeal =
        Appeal.file(personId, citizen.accountId(), checked.filing(), colourNow, Instant.now(clock));
    return insert(appeal, citizen, checked.filing(), " account=" + citizen.accountId());
  }

  private Appeal insert(Appeal appeal, CitizenPrincipal citizen, Filing filing, String detail) {
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
            appeal.personId(),
            appeal.kind() == AppealKind.IDENTITY_TAKEN
                ? "identity appeal filed from another account"
                : "appeal filed by the person",
            "appeal="
                + appeal.id()
                + " kind="
                + appeal.kind()
                + " files="
                + filing.evidence().size()
                + detail));
    return appeal;
  }

  /**
   * The citizen's appeals, newest first, with their evidence files: the person's colour and name
   * appeals and the identity appeals the account filed (an account without an identity sees only
   * the latter).
   */
  @Transactional(readOnly = true)
  public List<CitizenAppeal> mine(CitizenPrincipal citizen) {
    var list = appeals.ofCitizen(citizen.accountId(), citizen.personId());
    var files = appeals.evidence(list.stream().map(Appeal::id).toList());
    return list.stream()
        .map(a -> seenByAppellant(a, files.getOrDefault(a.id(), List.of())))
        .toList();
  }

  /** One of the citizen's appeals; someone else's is as unknown as a missing one. */
  @Transactional(readOnly = true)
  public CitizenAppeal mine(CitizenPrincipal citizen, UUID appealId) {
    Appeal appeal = own(citizen, appealId);
    return seenByAppellant(appeal, appeals.evidence(appeal.id()));
  }

  private CitizenAppeal seenByAppellant(Appeal appeal, List<EvidenceFile> files) {
    var identity =
        appeal.kind() == AppealKind.IDENTITY_TAKEN
            ? register.find(appeal.personId()).map(CitizenAppeal.AppealedIdentity::of).orElse(null)
            : null;
    return new CitizenAppeal(appeal, files, identity);
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
    return appeals
        .find(appealId)
        .filter(a -> a.visibleTo(citizen.accountId(), citizen.personId()))
        .orElseThrow(() -> SuishenException.notFound("appeals.not-found"));
  }

  private static UUID personOf(CitizenPrincipal citizen) {
    if (citizen.personId() == null) {
      throw SuishenException.forbidden("appeals.not-registered");
    }
    return citizen.personId();
  }
}
