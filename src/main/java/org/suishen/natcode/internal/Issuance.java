package org.suishen.natcode.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.ProxyAudit;
import org.suishen.shared.limits.PersonWrite;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.RetryLater;

/**
 * Stores a group of signed NAT codes in the caller's transaction with one statement per step: locks
 * its people, counts their daily limit, voids their earlier codes, inserts the new ones and audits
 * each. Every code is judged as if it were issued alone in the group's order: a person twice in a
 * group gets two codes, the first voided by the second (as two taps one after the other would).
 */
@Component
class Issuance {

  /** What became of one code of the group. */
  sealed interface Outcome {

    /** Stored; {@code code} is the person's current one (unless a later one of the group won). */
    record Issued(NatCode code) implements Outcome {}

    /** Over the day's limit; nothing was stored for it. */
    record Refused(RetryLater refusal) implements Outcome {}

    /** Could not be stored, even alone (a fault of the server, not of the request). */
    record Failed(RuntimeException cause) implements Outcome {}
  }

  private final NatCredentialStore store;
  private final PersonWriteLimits writeLimits;
  private final ProxyAudit audit;
  private final Clock clock;

  Issuance(NatCredentialStore store, PersonWriteLimits writeLimits, ProxyAudit audit, Clock clock) {
    this.store = store;
    this.writeLimits = writeLimits;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public List<Outcome> store(List<Issue> group) {
    List<UUID> people = group.stream().map(Issue::personId).toList();
    store.lockPeople(people);
    var refusals = writeLimits.countAll(people, PersonWrite.NAT_CODE_REGENERATION);
    var accepted = new ArrayList<Issue>(group.size());
    for (int i = 0; i < group.size(); i++) {
      if (refusals.get(i) == null) {
        accepted.add(group.get(i));
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Set<UUID> hadCode =
        accepted.isEmpty()
            ? Set.of()
            : store.voidCurrent(accepted.stream().map(Issue::personId).toList(), now);
    // a person's last code of the group is the current one; their earlier ones are stored voided
    Map<UUID, Issue> last = new HashMap<>();
    accepted.forEach(issue -> last.put(issue.personId(), issue));
    var rows = new ArrayList<NatCredential>(accepted.size());
    var entries = new ArrayList<ProxyAudit.Entry>(accepted.size());
    var issued = new HashMap<Issue, NatCode>();
    Set<UUID> seen = new HashSet<>();
    for (Issue issue : accepted) {
      NatCredential c = issue.credential();
      boolean replaced = hadCode.contains(c.personId()) || !seen.add(c.personId());
      rows.add(last.get(c.personId()) == issue ? c : voided(c, now));
      entries.add(
          new ProxyAudit.Entry(
              issue.actor(),
              NatCodes.ISSUED,
              c.personId(),
              replaced ? "regenerated" : "generated",
              issue.holder()));
      issued.put(issue, new NatCode(c, issue.token(), replaced));
    }
    if (!rows.isEmpty()) {
      store.insert(rows);
      audit.recordAll(entries);
    }
    var outcomes = new ArrayList<Outcome>(group.size());
    for (int i = 0; i < group.size(); i++) {
      RetryLater refusal = refusals.get(i);
      outcomes.add(
          refusal != null
              ? new Outcome.Refused(refusal)
              : new Outcome.Issued(issued.get(group.get(i))));
    }
    return outcomes;
  }

  private static NatCredential voided(NatCredential c, Instant now) {
    return new NatCredential(
        c.credentialId(),
        c.personId(),
        c.issuedAt(),
        c.expiresAt(),
        now,
        c.keyId(),
        c.maskedName(),
        c.maskedDocument());
  }
}
