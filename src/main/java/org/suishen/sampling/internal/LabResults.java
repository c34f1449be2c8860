package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.StatusFacts;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;

/**
 * A lab reports its tubes (S4) and each result reaches the tube's people (S3, H2): a negative tube
 * makes every member negative, a positive single tube reaches the status engine as a positive, a
 * positive pooled tube recalls every member for a single-tube retest, an invalid tube recalls them
 * to be sampled again. Row by row: a row that cannot be taken (unknown tube, another lab's tube, a
 * different result for a tube already reported) is rejected with its reason and the others go on;
 * the same result again is "unchanged", so a retried upload records nothing twice. Rows are taken
 * in chunks, each in its own transaction with all its status effects.
 */
@Component
public class LabResults {

  static final String REPORTED = "sampling.results.reported";
  static final String POSITIVE = "sampling.tube.positive";

  static final int MAX_ROWS = 100_000;
  private static final int CHUNK = 2_000;

  private final JdbcClient jdbc;
  private final Labs labs;
  private final StatusFacts facts;
  private final Recalls recalls;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  LabResults(
      JdbcClient jdbc,
      Labs labs,
      StatusFacts facts,
      Recalls recalls,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.labs = labs;
    this.facts = facts;
    this.recalls = recalls;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A CSV file ({@link ResultsCsv}): refused whole if it is not one, else row by row. */
  public ResultReport recordCsv(java.io.InputStream body, Actor lab) {
    Labs.Lab at = labs.labOf(lab);
    return record(ResultsCsv.parse(body, MAX_ROWS), at, lab);
  }

  public ResultReport record(@Nullable List<ResultRow> rows, Actor lab) {
    Labs.Lab at = labs.labOf(lab);
    if (rows != null && rows.size() > MAX_ROWS) {
      throw SuishenException.badInput("sampling.results.too-many", MAX_ROWS);
    }
    return record(rows == null ? List.of() : rows, at, lab);
  }

  private ResultReport record(List<ResultRow> rows, Labs.Lab lab, Actor actor) {
    if (rows.isEmpty()) {
      throw SuishenException.badInput("sampling.results.empty");
    }
    var rejected = new ArrayList<ResultReport.RowRefusal>();
    // rows checked on their own first: format, result, the same tube twice in one upload
    var valid = new LinkedHashMap<String, CheckedRow>();
    for (ResultRow row : rows) {
      String raw = row.tubeBarcode() == null ? "" : row.tubeBarcode().strip();
      var barcode = TubeBarcode.parse(raw);
      if (barcode.isEmpty()) {
        rejected.add(reject(row, raw, "sampling.tube.barcode-invalid"));
        continue;
      }
      TubeResult result = result(row.result());
      if (result == null) {
        rejected.add(reject(row, raw, "sampling.results.result-invalid"));
        continue;
      }
      CheckedRow earlier = valid.get(barcode.get().value());
      if (earlier != null) {
        rejected.add(reject(row, raw, "sampling.results.duplicate-row", earlier.row().line()));
        continue;
      }
      valid.put(barcode.get().value(), new CheckedRow(row, barcode.get().value(), result));
    }
    int accepted = 0;
    int unchanged = 0;
    int people = 0;
    var all = new ArrayList<>(valid.values());
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<CheckedRow> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      Outcome outcome = transactions.execute(s -> chunk(chunk, lab, actor));
      if (outcome == null) {
        throw new IllegalStateException("no outcome");
      }
      accepted += outcome.accepted();
      unchanged += outcome.unchanged();
      people += outcome.people();
      rejected.addAll(outcome.rejected());
    }
    rejected.sort(java.util.Comparator.comparingInt(ResultReport.RowRefusal::line));
    return new ResultReport(rows.size(), accepted, unchanged, people, List.copyOf(rejected));
  }

  private record CheckedRow(ResultRow row, String barcode, TubeResult result) {}

  private record Outcome(
      int accepted, int unchanged, int people, List<ResultReport.RowRefusal> rejected) {}

  private record StoredTube(
      String barcode,
      @Nullable String labCode,
      @Nullable String result,
      int capacity,
      boolean damaged) {}

  /** A member of a reported tube. */
  record Member(
      UUID personId,
      Instant sampledAt,
      @Nullable UUID guardianPersonId,
      String siteCode,
      String tubeBarcode,
      boolean pooled) {}

  private Outcome chunk(List<CheckedRow> rows, Labs.Lab lab, Actor actor) {
    Map<String, StoredTube> stored = new HashMap<>();
    jdbc.sql(
            "SELECT barcode, lab_code, result, capacity, damaged FROM tube"
                + " WHERE barcode = ANY(?) ORDER BY barcode FOR UPDATE")
        .param(rows.stream().map(CheckedRow::barcode).toArray(String[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    stored.put(
                        rs.getString(1),
                        new StoredTube(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getBoolean(5))));
    var rejected = new ArrayList<ResultReport.RowRefusal>();
    var taken = new ArrayList<CheckedRow>();
    int unchanged = 0;
    for (CheckedRow row : rows) {
      StoredTube tube = stored.get(row.barcode());
      if (tube == null) {
        rejected.add(reject(row.row(), row.barcode(), "sampling.tube.unknown"));
      } else if (!lab.code().equals(tube.labCode())) {
        rejected.add(reject(row.row(), row.barcode(), "sampling.results.not-received-here"));
      } else if (tube.result() != null) {
        if (tube.result().equals(row.result().name())) {
          unchanged++;
        } else {
          rejected.add(reject(row.row(), row.barcode(), "sampling.results.final", tube.result()));
        }
      } else if (tube.damaged() && row.result() != TubeResult.INVALID) {
        rejected.add(reject(row.row(), row.barcode(), "sampling.results.damaged-tube"));
      } else {
        taken.add(row);
      }
    }
    if (taken.isEmpty()) {
      return new Outcome(0, unchanged, 0, rejected);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            "UPDATE tube t SET result = v.r, resulted_at = ?, resulted_by = ?"
                + " FROM unnest(?::text[], ?::text[]) AS v(b, r) WHERE t.barcode = v.b")
        .param(Timestamp.from(now))
        .param(actor.toString())
        .param(taken.stream().map(CheckedRow::barcode).toArray(String[]::new))
        .param(taken.stream().map(c -> c.result().name()).toArray(String[]::new))
        .update();
    Map<String, TubeResult> results = new HashMap<>();
    taken.forEach(c -> results.put(c.barcode(), c.result()));
    List<Member> members = members(results.keySet());
    var toStatus = new ArrayList<TestResultFact>(members.size());
    var recalled = new ArrayList<Recalls.Recall>();
    for (Member m : members) {
      TubeResult result = results.get(m.tubeBarcode());
      switch (result) {
        case NEGATIVE ->
            toStatus.add(
                new TestResultFact(
                    m.personId(),
                    m.sampledAt(),
                    m.pooled(),
                    TestOutcome.NEGATIVE,
                    now,
                    m.guardianPersonId()));
        case POSITIVE -> {
          toStatus.add(
              new TestResultFact(
                  m.personId(),
                  m.sampledAt(),
                  m.pooled(),
                  TestOutcome.POSITIVE,
                  now,
                  m.guardianPersonId()));
          if (m.pooled()) {
            recalled.add(new Recalls.Recall(m, Recalls.Kind.RETEST));
          }
        }
        case INVALID -> recalled.add(new Recalls.Recall(m, Recalls.Kind.RESAMPLE));
      }
    }
    // a result of a later sample settles an earlier recall (before this upload's own recalls)
    recalls.settle(
        members.stream().filter(m -> results.get(m.tubeBarcode()) != TubeResult.INVALID).toList(),
        now);
    recalls.recall(recalled, now);
    facts.recordResults(toStatus);
    long positives = taken.stream().filter(c -> c.result() == TubeResult.POSITIVE).count();
    for (CheckedRow c : taken) {
      if (c.result() == TubeResult.POSITIVE) {
        audit.record(
            AuditEvent.of(
                actor, POSITIVE, null, "tube " + c.barcode() + " positive, lab " + lab.code()));
      }
    }
    audit.record(
        AuditEvent.of(
            actor,
            REPORTED,
            null,
            "lab "
                + lab.code()
                + ": "
                + taken.size()
                + " tubes ("
                + positives
                + " positive), "
                + members.size()
                + " people"));
    return new Outcome(taken.size(), unchanged, members.size(), rejected);
  }

  private List<Member> members(java.util.Collection<String> tubes) {
    return jdbc.sql(
            "SELECT r.person_id, r.registered_at, r.guardian_person_id, r.site_code,"
                + " r.tube_barcode, t.capacity FROM sampling_registration r"
                + " JOIN tube t ON t.barcode = r.tube_barcode"
                + " WHERE r.tube_barcode = ANY(?) AND r.withdrawn_at IS NULL")
        .param(tubes.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Member(
                    rs.getObject(1, UUID.class),
                    rs.getTimestamp(2).toInstant(),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6) > 1))
        .list();
  }

  private static @Nullable TubeResult result(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.strip().toUpperCase(Locale.ROOT);
    return switch (text) {
      case "NEGATIVE", "阴性" -> TubeResult.NEGATIVE;
      case "POSITIVE", "阳性" -> TubeResult.POSITIVE;
      case "INVALID", "无效" -> TubeResult.INVALID;
      default -> null;
    };
  }

  private static ResultReport.RowRefusal reject(
      ResultRow row, String barcode, String code, Object... arguments) {
    return new ResultReport.RowRefusal(row.line(), barcode, code, List.of(arguments));
  }
}
