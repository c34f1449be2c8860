package org.suishen.sampling.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.sampling.internal.Enrolments.Claim;
import org.suishen.sampling.internal.Enrolments.Enrolment;
import org.suishen.sampling.internal.Enrolments.Outcome;
import org.suishen.shared.batch.GroupCommit;
import org.suishen.shared.batch.GroupedWrites;
import org.suishen.shared.problem.SuishenException;

/**
 * Registrations are written in groups, as scans are: a request resolves its credential (reads
 * only), puts the enrolment on a bounded queue and waits; a worker drains the queue and, in one
 * transaction, claims every key, locks the tubes, judges each enrolment in its order as if alone
 * ({@link Enrolments}) and writes the accepted ones with one statement per table, commits, then
 * answers each request. A group shares its round trips and its commit (one fsync) among all the
 * registrations that arrived while the previous group was in the database; every acknowledged
 * registration is committed. A group that cannot be written (another transaction registered one of
 * its people meanwhile) is rolled back and each of its enrolments registered alone. A full queue
 * refuses at once ({@code sampling.registration.busy}, 503: the terminal keeps it queued and sends
 * it again with its key).
 */
@Component
class RegistrationGroups extends GroupedWrites<Enrolment, Outcome> {

  private static final Logger log = LoggerFactory.getLogger(RegistrationGroups.class);

  private final Enrolments enrolments;
  private final TransactionTemplate transactions;
  private final Counter refused;

  RegistrationGroups(
      Enrolments enrolments,
      PlatformTransactionManager transactions,
      SamplingProperties properties,
      MeterRegistry meters) {
    super(
        "registration-groups",
        "suishen.sampling.registration",
        "Registrations",
        properties.groups(),
        meters);
    this.enrolments = enrolments;
    this.transactions = new TransactionTemplate(transactions);
    this.refused =
        Counter.builder("suishen.sampling.registration.refused.busy")
            .description("Registrations refused because too many were waiting")
            .register(meters);
  }

  /** Queues the enrolment and waits until its group is committed; what became of it. */
  Outcome submit(Enrolment enrolment) {
    try {
      return submitAndWait(enrolment);
    } catch (GroupCommit.NotWritten e) {
      if (e.reason() == GroupCommit.Reason.BUSY) {
        refused.increment();
      }
      // timed out, it may still be committed: the terminal's retry with the same key answers as
      // the first time
      throw new SuishenException("sampling.registration.busy", HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  /** A group in one transaction; one that cannot be written: each of its enrolments alone. */
  @Override
  protected List<Outcome> write(List<Enrolment> group) {
    try {
      List<Outcome> outcomes = transactions.execute(tx -> judge(group));
      if (outcomes != null) {
        return outcomes;
      }
    } catch (RuntimeException e) {
      if (!(e instanceof Enrolments.ConcurrentEnrolment)) {
        log.warn("A group of {} registrations failed; each is registered alone", group.size(), e);
      }
    }
    return group.stream().<Outcome>map(e -> new Outcome.Retry()).toList();
  }

  private List<Outcome> judge(List<Enrolment> group) {
    List<Claim> claims = group.stream().map(Enrolment::claim).toList();
    Set<Claim> claimed = enrolments.claimAll(claims);
    var toEnrol = group.stream().filter(e -> claimed.contains(e.claim())).toList();
    var enrolled = toEnrol.isEmpty() ? List.<Outcome>of() : enrolments.enrolAll(toEnrol);
    var outcomes = new ArrayList<Outcome>(group.size());
    int next = 0;
    for (Enrolment e : group) {
      outcomes.add(claimed.contains(e.claim()) ? enrolled.get(next++) : new Outcome.Replay());
    }
    return outcomes;
  }
}
