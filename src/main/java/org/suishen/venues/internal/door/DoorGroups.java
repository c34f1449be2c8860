package org.suishen.venues.internal.door;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.shared.batch.GroupCommit;
import org.suishen.shared.batch.GroupedWrites;
import org.suishen.shared.problem.SuishenException;
import org.suishen.venues.internal.VenuesProperties;
import org.suishen.venues.internal.passage.Passage;
import org.suishen.venues.internal.passage.PassageLog;
import org.suishen.venues.internal.passage.PassageLog.Claim;
import org.suishen.venues.internal.passage.PassageLog.Earlier;
import org.suishen.venues.internal.rule.DoorReason;

/**
 * Passages are written in groups, as scans and registrations are: a request prepares its job (the
 * token verified on its own thread), queues it and waits; a worker takes every job that arrived
 * while its previous group was in the database and, in one transaction, claims the devices' keys,
 * decides the new jobs together ({@link DoorDecider}), inserts their passages with one statement
 * and commits; then each request gets its answer. Every answered decision is durably recorded; a
 * key sent again (a device's retry) answers with its first decision, recorded once. A full queue
 * refuses at once ({@code venues.passage.busy}, 503: the sentinel keeps the passage queued).
 */
@Component
public class DoorGroups extends GroupedWrites<DoorJob, DoorDecision> {

  private final DoorDecider decider;
  private final PassageLog log;
  private final TransactionTemplate transactions;
  private final Counter refused;

  DoorGroups(
      DoorDecider decider,
      PassageLog log,
      PlatformTransactionManager transactions,
      VenuesProperties properties,
      MeterRegistry meters) {
    super("passage-groups", "suishen.venues.passage", "Passages", properties.groups(), meters);
    this.decider = decider;
    this.log = log;
    this.transactions = new TransactionTemplate(transactions);
    this.refused =
        Counter.builder("suishen.venues.passage.refused.busy")
            .description("Passages refused because too many were waiting")
            .register(meters);
  }

  /** Queues the job and waits until its group is committed. */
  public DoorDecision submit(DoorJob job) {
    try {
      return submitAndWait(job);
    } catch (GroupCommit.NotWritten e) {
      if (e.reason() == GroupCommit.Reason.BUSY) {
        refused.increment();
        throw new SuishenException("venues.passage.busy", HttpStatus.SERVICE_UNAVAILABLE);
      }
      // failed or timed out: it may still be committed; the device's retry with the same key
      // answers as the first time
      throw new SuishenException("venues.passage.not-recorded", HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  /**
   * A device's upload of passages it decided offline, as one group of its own (beside the queue:
   * committed together or not at all); their answers in order.
   */
  public List<DoorDecision> submitAll(List<DoorJob> jobs) {
    return write(jobs);
  }

  @Override
  protected List<DoorDecision> write(List<DoorJob> group) {
    return transactions.execute(tx -> decideAndRecord(group));
  }

  private List<DoorDecision> decideAndRecord(List<DoorJob> group) {
    // a key twice in one group: the later ones are replays of the first
    var firstOfKey = new HashMap<String, Integer>();
    var sameAs = new int[group.size()];
    var claims = new ArrayList<Claim>();
    var claimOf = new Claim[group.size()];
    for (int i = 0; i < group.size(); i++) {
      DoorJob job = group.get(i);
      sameAs[i] = -1;
      if (job.key() == null) {
        continue;
      }
      Integer first = firstOfKey.putIfAbsent(job.recordedBy() + '\n' + job.key(), i);
      if (first != null) {
        sameAs[i] = first;
        continue;
      }
      claimOf[i] = new Claim(job.recordedBy(), job.key(), job.passageId(), job.passedAt());
      claims.add(claimOf[i]);
    }
    Map<Claim, Earlier> earlier = log.claim(claims);
    // a key used before answers with its passage; one whose first answer was not recorded (a
    // credential that named nobody) is decided again, and writes nothing again
    var firstAnswers = new HashMap<java.util.UUID, DoorDecision>();
    for (Passage p : log.find(List.copyOf(earlier.values()))) {
      firstAnswers.put(p.id(), replay(p));
    }
    var fresh = new ArrayList<DoorJob>();
    var answerOf = new DoorDecision[group.size()];
    for (int i = 0; i < group.size(); i++) {
      if (sameAs[i] >= 0) {
        continue;
      }
      Earlier before = claimOf[i] == null ? null : earlier.get(claimOf[i]);
      DoorDecision first = before == null ? null : firstAnswers.get(before.passageId());
      if (first == null) {
        fresh.add(group.get(i));
      } else {
        answerOf[i] = first;
      }
    }
    List<DoorDecision> decided = decider.decideAll(fresh);
    // the log names the people who came to the door: a credential that named nobody for sure
    // (forged, of the wrong type, withdrawn, an unmatched card) is answered, not written
    log.insert(
        decided.stream().filter(d -> d.personId() != null).map(DoorGroups::passage).toList());
    var answers = new ArrayList<DoorDecision>(group.size());
    int nextFresh = 0;
    for (int i = 0; i < group.size(); i++) {
      if (sameAs[i] >= 0) {
        answers.add(asReplay(answers.get(sameAs[i])));
      } else if (answerOf[i] != null) {
        answers.add(answerOf[i]);
      } else {
        answers.add(decided.get(nextFresh++));
      }
    }
    return answers;
  }

  private static Passage passage(DoorDecision d) {
    return new Passage(
        d.passedAt(),
        d.passageId(),
        d.venueId(),
        d.provenance(),
        d.recordedBy(),
        d.personId(),
        d.credential(),
        d.admitted(),
        d.reason().code(),
        d.colour(),
        d.temperature(),
        d.offline());
  }

  private static DoorDecision replay(Passage p) {
    DoorReason reason = DoorReason.parse(p.reason());
    return new DoorDecision(
        p.id(),
        p.passedAt(),
        p.venueId(),
        p.provenance(),
        p.recordedBy(),
        p.personId(),
        reason == null ? DoorReason.INVALID : reason,
        p.credential(),
        null,
        null,
        null,
        p.colour(),
        null,
        p.temperature(),
        p.offline(),
        true);
  }

  private static DoorDecision asReplay(DoorDecision d) {
    return new DoorDecision(
        d.passageId(),
        d.passedAt(),
        d.venueId(),
        d.provenance(),
        d.recordedBy(),
        d.personId(),
        d.reason(),
        d.credential(),
        d.maskedName(),
        d.maskedDocument(),
        d.holderMaskedName(),
        d.colour(),
        d.latest(),
        d.temperature(),
        d.offline(),
        true);
  }
}
