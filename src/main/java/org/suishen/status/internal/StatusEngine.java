package org.suishen.status.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatusChanged;
import org.suishen.status.internal.policy.PersonFacts;
import org.suishen.status.internal.policy.Rules;
import org.suishen.status.internal.policy.StatusEvaluator;
import org.suishen.status.internal.policy.Verdict;

/**
 * Evaluates people and persists what changed: the new status, a history entry naming the cause, and
 * a {@link HealthStatusChanged} event, in one transaction per batch. Also answers reads: a stored
 * status that is due is evaluated on the spot, so a read is right before the sweep ran.
 */
@Service
public class StatusEngine {

  private static final Logger log = LoggerFactory.getLogger(StatusEngine.class);

  private final StatusRows rows;
  private final StatusNotices notices;
  private final FactsRepository facts;
  private final StatusEvaluator evaluator;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final StatusProperties properties;
  private final Clock clock;
  private final String fingerprint;

  StatusEngine(
      StatusRows rows,
      StatusNotices notices,
      FactsRepository facts,
      StatusEvaluator evaluator,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager,
      StatusProperties properties,
      Clock clock) {
    this.rows = rows;
    this.notices = notices;
    this.facts = facts;
    this.evaluator = evaluator;
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.clock = clock;
    this.fingerprint = fingerprint(properties, clock);
  }

  /** The rule configuration the stored statuses were computed with; a change re-evaluates. */
  static String fingerprint(StatusProperties properties, Clock clock) {
    var noTest = properties.noRecentTest();
    String fingerprint =
        "key-region-days=%d;no-recent-test=%s;zone=%s"
            .formatted(
                properties.keyRegionArrival().observationDays(),
                noTest.enabled() ? noTest.days() + "d" : "off",
                clock.getZone().getId());
    // appended only when on, so that turning the rule on re-evaluates and stored rows of cities
    // that never turn it on keep their fingerprint
    return properties.symptoms().enabled() ? fingerprint + ";symptoms=on" : fingerprint;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /**
   * The current instant, to the microsecond: PostgreSQL keeps microseconds (rounding), so an
   * instant that is stored and read back compares equal to the one the engine reasoned with.
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The city's time zone, in which days (arrival days, observation periods) are counted. */
  public java.time.ZoneId zone() {
    return clock.getZone();
  }

  /** Arrivals before this day can no longer make anyone yellow at {@code now}. */
  public LocalDate arrivalsFrom(Instant now) {
    return LocalDate.ofInstant(now, clock.getZone())
        .minusDays(properties.keyRegionArrival().observationDays() + 1L);
  }

  /** The person's status at {@code now}, from the stored status or, if that is due, the facts. */
  public HealthStatus statusAt(UUID personId, Instant now) {
    return statusFrom(personId, rows.find(personId).orElse(null), now);
  }

  /** The statuses of these people at {@code now}: one read, the facts only for those due. */
  public Map<UUID, HealthStatus> statusesAt(Collection<UUID> personIds, Instant now) {
    if (personIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, StoredStatus> stored = rows.findAll(personIds);
    var statuses = new HashMap<UUID, HealthStatus>(personIds.size() * 2);
    for (UUID personId : personIds) {
      statuses.computeIfAbsent(personId, id -> statusFrom(id, stored.get(id), now));
    }
    return statuses;
  }

  private HealthStatus statusFrom(UUID personId, @Nullable StoredStatus stored, Instant now) {
    if (stored != null && !stored.dueAt(now, fingerprint)) {
      return stored.toHealthStatus();
    }
    if (stored == null && !properties.noRecentTest().enabled()) {
      return StoredStatus.unknown(personId).toHealthStatus();
    }
    StoredStatus before = stored == null ? StoredStatus.unknown(personId) : stored;
    Verdict verdict = verdictAt(personId, now);
    if (verdict.sameAs(before.colour(), before.rule(), before.reason(), before.redeclareNotice())) {
      return before.toHealthStatus();
    }
    Instant since = sinceOf(verdict, before, now);
    return new HealthStatus(
        personId,
        verdict.colour(),
        verdict.rule(),
        verdict.reason(),
        verdict.source(),
        since,
        verdict.redeclareNotice(),
        verdict.colour() == Colour.GREEN ? null : verdict.validUntil());
  }

  /** What the rules say about the person at {@code now}, from the stored facts. */
  public Verdict verdictAt(UUID personId, Instant now) {
    PersonFacts personFacts = facts.load(List.of(personId), arrivalsFrom(now)).get(personId);
    return evaluator.evaluate(Objects.requireNonNull(personFacts), now);
  }

  /**
   * Evaluates these people at {@code now} and persists changes, in batches of the configured size,
   * each in its own transaction (or the caller's, if there is one). A change is recorded with the
   * cause that marked the person due, if any, else with {@code cause}.
   *
   * @return how many statuses changed
   */
  public int reevaluate(List<UUID> personIds, Cause cause, Instant now) {
    int batchSize = properties.sweep().batchSize();
    int changed = 0;
    for (int from = 0; from < personIds.size(); from += batchSize) {
      var batch = personIds.subList(from, Math.min(personIds.size(), from + batchSize));
      Integer count = transactions.execute(s -> evaluateBatch(batch, cause, now));
      changed += count == null ? 0 : count;
    }
    return changed;
  }

  /**
   * Evaluates everyone whose status is due at {@code now} (a rule's time ran out, or facts changed
   * and nobody evaluated them yet). Several nodes may sweep at once: each claims its own rows.
   *
   * @return how many statuses changed
   */
  public int sweep(Instant now) {
    int changed = 0;
    while (true) {
      Integer count =
          transactions.execute(
              s -> {
                List<UUID> due =
                    rows.claimDue(
                        now,
                        now.minus(properties.sweep().catchUpAfter()),
                        properties.sweep().batchSize());
                return due.isEmpty() ? -1 : evaluateBatch(due, Cause.sweep(), now);
              });
      if (count == null || count < 0) {
        return changed;
      }
      changed += count;
    }
  }

  /** Re-evaluates every stored status in person id order (after a change of the rules' figures). */
  public int reevaluateEveryone(Cause cause) {
    int changed = 0;
    UUID after = null;
    while (true) {
      List<UUID> page = rows.page(after, properties.sweep().batchSize());
      if (page.isEmpty()) {
        return changed;
      }
      changed += reevaluate(page, cause, now());
      after = page.getLast();
    }
  }

  private int evaluateBatch(List<UUID> personIds, Cause cause, Instant now) {
    Map<UUID, StoredStatus> stored = rows.lock(personIds);
    Map<UUID, PersonFacts> personFacts = facts.load(personIds, arrivalsFrom(now));
    var changes = new ArrayList<StatusRows.Change>();
    var rechecks = new ArrayList<StatusRows.Recheck>();
    for (UUID personId : personIds) {
      StoredStatus before = stored.getOrDefault(personId, StoredStatus.unknown(personId));
      Verdict verdict = evaluator.evaluate(Objects.requireNonNull(personFacts.get(personId)), now);
      if (!verdict.sameAs(
          before.colour(), before.rule(), before.reason(), before.redeclareNotice())) {
        Cause recorded =
            before.dueCause() != null && before.dueBy() != null
                ? Cause.recorded(before.dueBy(), before.dueCause())
                : cause;
        changes.add(
            new StatusRows.Change(before, verdict, sinceOf(verdict, before, now), recorded));
      } else if (!Objects.equals(before.dueAt(), verdict.validUntil())
          || before.dueCause() != null
          || !fingerprint.equals(before.fingerprint())) {
        if (stored.containsKey(personId) || verdict.validUntil() != null) {
          rechecks.add(new StatusRows.Recheck(personId, verdict.validUntil()));
        }
      }
    }
    rows.write(changes, rechecks, now, fingerprint);
    // the person is told of every change of colour; a manual change brings its own notice
    notices.colourChanges(
        changes.stream()
            .filter(
                c ->
                    c.verdict().colour() != c.before().colour()
                        && !Rules.MANUAL.equals(c.verdict().rule()))
            .map(
                c ->
                    new StatusNotices.ColourChange(
                        c.before().personId(), c.verdict().colour(), c.since()))
            .toList());
    for (var change : changes) {
      Verdict v = change.verdict();
      events.publishEvent(
          new HealthStatusChanged(
              change.before().personId(),
              change.before().colour(),
              v.colour(),
              v.rule(),
              v.reason(),
              v.source(),
              change.since()));
    }
    if (!changes.isEmpty()) {
      log.debug("{} of {} statuses changed ({})", changes.size(), personIds.size(), cause);
    }
    return changes.size();
  }

  private static Instant sinceOf(Verdict verdict, StoredStatus before, Instant now) {
    @Nullable Instant since = verdict.since();
    if (since != null && !since.isAfter(now)) {
      return since;
    }
    @Nullable Instant due = before.dueAt();
    return due != null && !due.isAfter(now) && due.isAfter(Instant.EPOCH) ? due : now;
  }
}
