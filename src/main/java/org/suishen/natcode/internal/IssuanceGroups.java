package org.suishen.natcode.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.natcode.internal.Issuance.Outcome;
import org.suishen.shared.batch.GroupCommit;
import org.suishen.shared.batch.GroupedWrites;
import org.suishen.shared.problem.BusyNow;

/**
 * NAT codes are stored in groups, as scans and registrations are: on a testing morning a whole city
 * generates its codes. A request signs its code (no database), puts it on a bounded queue and
 * waits; a worker stores everything that arrived meanwhile in one transaction ({@link Issuance})
 * and answers each request after the commit, so every code handed out is stored. A group that fails
 * is stored again one code at a time, so that one bad code does not refuse the others. A full queue
 * refuses at once ({@code natcode.busy}, 503 with {@code Retry-After}).
 */
@Component
class IssuanceGroups extends GroupedWrites<Issue, Outcome> {

  private static final Logger log = LoggerFactory.getLogger(IssuanceGroups.class);

  /** Seconds a refused citizen is asked to wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 2;

  private final Issuance issuance;
  private final TransactionTemplate transactions;
  private final Counter refused;

  IssuanceGroups(
      Issuance issuance,
      PlatformTransactionManager transactions,
      NatCodeProperties properties,
      MeterRegistry meters) {
    super(
        "natcode-issuance", "suishen.natcode.issuance", "NAT codes", properties.issuance(), meters);
    this.issuance = issuance;
    this.transactions = new TransactionTemplate(transactions);
    this.refused =
        Counter.builder("suishen.natcode.issuance.refused")
            .description("NAT codes refused because too many were waiting or not stored in time")
            .register(meters);
  }

  /** Queues the signed code and waits until its group is committed. */
  Outcome submit(Issue issue) {
    try {
      return submitAndWait(issue);
    } catch (GroupCommit.NotWritten e) {
      refused.increment();
      if (e.reason() == GroupCommit.Reason.FAILED && e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      // busy, or not committed in time (then it may be stored: a new tap voids it)
      throw new BusyNow("natcode.busy", RETRY_AFTER_SECONDS);
    }
  }

  @Override
  protected List<Outcome> write(List<Issue> group) {
    try {
      return stored(group);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        return List.of(new Outcome.Failed(e));
      }
      log.warn("A group of {} NAT codes failed; each is stored alone", group.size(), e);
    }
    var outcomes = new ArrayList<Outcome>(group.size());
    for (Issue issue : group) {
      try {
        outcomes.add(stored(List.of(issue)).getFirst());
      } catch (RuntimeException e) {
        outcomes.add(new Outcome.Failed(e));
      }
    }
    return outcomes;
  }

  private List<Outcome> stored(List<Issue> group) {
    List<Outcome> outcomes = transactions.execute(tx -> issuance.store(group));
    if (outcomes == null) {
      throw new IllegalStateException("no outcomes");
    }
    return outcomes;
  }
}
