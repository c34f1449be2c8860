package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.dependants.Binding;
import org.suishen.dependants.ProxyAudit;
import org.suishen.dependants.RemovalCause;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.batch.BatchRunner;
import org.suishen.shared.security.Actor;

/**
 * Ends the bindings that rested only on the dependant being a minor once the dependant has come of
 * age (daily, {@code suishen.dependants.coming-of-age.*}). A binding that another ground now
 * justifies (a disability certificate) stays and is recorded under that ground. The end is a
 * removal like the holder's or a reviewer's: state {@code REMOVED}, cause {@code CAME_OF_AGE},
 * audited {@code dependants.binding.removed} with both people (reason {@code came-of-age}), {@code
 * DependantUnbound} published. No personal data is logged, only counts.
 *
 * <p>Candidates come from the birth date stored with each minor binding (one partial index); each
 * is re-checked against the population register before anything changes. Work goes in batches of
 * {@code batch-size} ({@link BatchRunner}), one transaction each, rows locked {@code FOR UPDATE
 * SKIP LOCKED}: several nodes may run at the same time without ending a binding twice, and a second
 * run finds nothing.
 */
@Component
public class ComingOfAgeSweep {

  /** The actor of the job's changes in the audit trail. */
  static final Actor ACTOR = Actor.system("dependants-coming-of-age");

  private static final String JOB = "Coming of age";

  private static final Logger log = LoggerFactory.getLogger(ComingOfAgeSweep.class);

  private final BindingStore store;
  private final BindingRemoval removal;
  private final PopulationRegister register;
  private final ComingOfAge comingOfAge;
  private final ProxyAudit audit;
  private final DependantsProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ComingOfAgeSweep(
      BindingStore store,
      BindingRemoval removal,
      PopulationRegister register,
      ComingOfAge comingOfAge,
      ProxyAudit audit,
      DependantsProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.removal = removal;
    this.register = register;
    this.comingOfAge = comingOfAge;
    this.audit = audit;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What one run did. */
  public record Result(int ended, int regrounded, int corrected) implements BatchRunner.Batch {
    Result plus(Result other) {
      return new Result(
          ended + other.ended, regrounded + other.regrounded, corrected + other.corrected);
    }

    /** Every binding a batch claims is ended, kept on another ground or looked at again. */
    @Override
    public int claimed() {
      return changed();
    }

    @Override
    public int changed() {
      return ended + regrounded + corrected;
    }
  }

  @Scheduled(
      cron = "${suishen.dependants.coming-of-age.cron:0 30 0 * * *}",
      zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "dependants.comingOfAgeSweep")
  void scheduled() {
    BatchRunner.scheduled(JOB, properties.comingOfAge().enabled(), this::run);
  }

  /** Runs over every due binding, batch by batch, as of today (city clock). */
  public Result run() {
    LocalDate today = LocalDate.now(clock);
    int batchSize = properties.comingOfAge().batchSize();
    var total =
        BatchRunner.run(JOB, transactions, batchSize, () -> batch(today, batchSize)).stream()
            .reduce(new Result(0, 0, 0), Result::plus);
    if (total.changed() > 0) {
      log.info(
          "Coming of age {}: {} bindings ended, {} kept on another ground, {} birth dates"
              + " corrected",
          today,
          total.ended(),
          total.regrounded(),
          total.corrected());
    }
    return total;
  }

  private Result batch(LocalDate today, int batchSize) {
    List<Binding> due = store.claimOfAge(comingOfAge.latestBirthDateOfAge(today), batchSize);
    int ended = 0;
    int regrounded = 0;
    int corrected = 0;
    for (Binding binding : due) {
      var person = register.find(binding.dependant());
      if (person.isEmpty()) {
        // not in the register (should not happen): off the list; the check at use still applies
        store.rememberBirthDate(binding.id(), null);
        corrected++;
        continue;
      }
      var verdict = comingOfAge.of(person.get(), today);
      switch (verdict.outcome()) {
        case LAPSES -> {
          removal.end(binding, ACTOR, "came-of-age", null, RemovalCause.CAME_OF_AGE);
          ended++;
        }
        case OTHER_GROUND -> {
          var ground = verdict.ground().orElseThrow();
          store.reground(binding.id(), ground);
          audit.record(
              ACTOR,
              AuditActions.REGROUNDED,
              binding.dependant(),
              "came-of-age:" + ground.name(),
              binding.holder());
          regrounded++;
        }
        case STILL_MINOR -> {
          // the register's birth date was corrected since the binding: look again on the new date
          store.rememberBirthDate(binding.id(), person.get().birthDate());
          corrected++;
        }
      }
    }
    return new Result(ended, regrounded, corrected);
  }
}
