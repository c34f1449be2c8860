package org.suishen.status.internal.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.internal.Cause;
import org.suishen.status.internal.StatusEngine;
import org.suishen.status.internal.StatusProperties;
import org.suishen.status.internal.StatusRows;

/**
 * Applies one feed. First transaction: rows are checked in Java and streamed with COPY into a
 * staging table, checked set-based, applied with set-based upserts that return the people whose
 * facts really changed, those people are marked due, and the feed and its rejected rows are
 * recorded and audited — all or nothing. Then the people touched are evaluated in batches (each its
 * own transaction); if that is interrupted, they stay due and the sweep finishes the work, while
 * reads are already right because due statuses are evaluated on the spot.
 */
@Service
public class FeedProcessor {

  private static final Logger log = LoggerFactory.getLogger(FeedProcessor.class);

  /** One feed at a time across all nodes: feeds are rare and large, and must not interleave. */
  private static final long FEED_LOCK = 0x5355495348454E46L;

  private static final int COPY_CHUNK = 1 << 16;

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final StatusRows rows;
  private final StatusEngine engine;
  private final FeedRecords records;
  private final AuditTrail audit;
  private final StatusProperties properties;

  FeedProcessor(
      JdbcClient jdbc,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      StatusRows rows,
      StatusEngine engine,
      FeedRecords records,
      AuditTrail audit,
      StatusProperties properties) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transactions = new TransactionTemplate(transactionManager);
    this.rows = rows;
    this.engine = engine;
    this.records = records;
    this.audit = audit;
    this.properties = properties;
  }

  /** A CSV feed (see {@link CsvRowSource}); a bad header or encoding refuses the whole file. */
  public FeedReport processCsv(
      FeedKind kind, InputStream csv, @Nullable String fileName, Actor actor) {
    try {
      return process(kind, new CsvRowSource(csv, kind.format()), fileName, actor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON feed: an array of objects keyed by the CSV column names. */
  public FeedReport processJson(
      FeedKind kind, List<Map<String, @Nullable Object>> json, Actor actor) {
    return process(kind, new JsonRowSource(json, kind.format()), null, actor);
  }

  public java.util.Optional<FeedReport> find(UUID feedId) {
    return records.find(feedId, properties.feed().reportedRejections());
  }

  public List<FeedReport> recent(int limit) {
    return records.recent(limit);
  }

  private record Intake(FeedReport report, List<UUID> touched) {}

  private FeedReport process(
      FeedKind kind, RowSource source, @Nullable String fileName, Actor actor) {
    UUID feedId = UUID.randomUUID();
    long started = System.nanoTime();
    Intake intake =
        Objects.requireNonNull(
            transactions.execute(s -> intake(feedId, kind, source, fileName, actor)));
    FeedReport report = intake.report();
    Instant applied = engine.now();
    records.applied(feedId, applied);
    log.info(
        "Feed {} ({}) applied in {} ms: {} rows, {} changed, {} unchanged, {} rejected, {} people"
            + " to evaluate",
        feedId,
        kind.path(),
        (System.nanoTime() - started) / 1_000_000,
        report.rowsTotal(),
        report.rowsChanged(),
        report.rowsUnchanged(),
        report.rowsRejected(),
        intake.touched().size());
    Integer statusesChanged = null;
    Instant finished = null;
    try {
      statusesChanged =
          engine.reevaluate(intake.touched(), new Cause(actor, "feed:" + feedId), engine.now());
      finished = engine.now();
      records.finish(feedId, statusesChanged, finished);
    } catch (RuntimeException e) {
      log.error("Feed {}: evaluation interrupted; the sweep finishes it", feedId, e);
    }
    log.info(
        "Feed {} done in {} ms: {} statuses changed",
        feedId,
        (System.nanoTime() - started) / 1_000_000,
        statusesChanged);
    return new FeedReport(
        feedId,
        report.kind(),
        report.fileName(),
        report.submittedBy(),
        report.receivedAt(),
        applied,
        finished,
        report.rowsTotal(),
        report.rowsChanged(),
        report.rowsUnchanged(),
        report.rowsRejected(),
        report.peopleTouched(),
        statusesChanged,
        records.rejections(feedId, properties.feed().reportedRejections()));
  }

  private Intake intake(
      UUID feedId, FeedKind kind, RowSource source, @Nullable String fileName, Actor actor) {
    FeedFormat format = kind.format();
    Instant now = engine.now();
    var context =
        new FeedContext(
            feedId,
            now,
            engine.zone(),
            LocalDate.ofInstant(now, engine.zone()),
            engine.arrivalsFrom(now),
            jdbc);
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(FEED_LOCK).query((rs, n) -> 1).list();
    jdbc.sql(
            "CREATE TEMP TABLE "
                + FeedContext.STAGE
                + " (line INT NOT NULL, "
                + format.stageColumns()
                + ", reject TEXT) ON COMMIT DROP")
        .update();
    jdbc.sql(
            "CREATE TEMP TABLE "
                + FeedContext.TOUCHED
                + " (person_id UUID NOT NULL) ON COMMIT DROP")
        .update();

    var rejections = new ArrayList<FeedReport.Rejection>();
    int total = copy(format, source, context, rejections);
    jdbc.sql("ANALYZE " + FeedContext.STAGE).update();

    format.validate(context);
    int changed = format.apply(context);
    int rejectedInDatabase =
        jdbc.sql("SELECT count(*) FROM " + FeedContext.STAGE + " WHERE reject IS NOT NULL")
            .query(Integer.class)
            .single();
    rows.markDueFrom(FeedContext.TOUCHED, now, new Cause(actor, "feed:" + feedId));
    List<UUID> touched =
        jdbc.sql("SELECT DISTINCT person_id FROM " + FeedContext.TOUCHED + " ORDER BY person_id")
            .query((rs, n) -> rs.getObject(1, UUID.class))
            .list();
    int rejected = rejections.size() + rejectedInDatabase;
    var report =
        new FeedReport(
            feedId,
            kind.path(),
            fileName,
            actor.toString(),
            now,
            null,
            null,
            total,
            changed,
            total - rejected - changed,
            rejected,
            touched.size(),
            null,
            List.of());
    records.insert(report);
    records.insertRejections(feedId, rejections);
    records.insertStagedRejections(feedId);
    audit.record(
        new AuditEvent(
            actor,
            "status.feed.applied",
            null,
            "health authority feed: " + kind.path(),
            "feed=%s rows=%d changed=%d unchanged=%d rejected=%d people=%d"
                .formatted(
                    feedId, total, changed, report.rowsUnchanged(), rejected, touched.size())));
    return new Intake(report, touched);
  }

  /** Streams the rows that pass the per-row checks into the staging table; returns the count. */
  private int copy(
      FeedFormat format,
      RowSource source,
      FeedContext context,
      List<FeedReport.Rejection> rejections) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    CopyIn copy = null;
    try {
      copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY "
                      + FeedContext.STAGE
                      + " (line, "
                      + String.join(", ", format.copyColumns())
                      + ") FROM STDIN (FORMAT csv)");
      var buffer = new StringBuilder(COPY_CHUNK + 1024);
      int total = 0;
      FeedRow row;
      while ((row = source.next()) != null) {
        total++;
        if (total > properties.feed().maxRows()) {
          throw SuishenException.badInput("status.feed.too-many-rows", properties.feed().maxRows());
        }
        if (row.malformed() != null) {
          rejections.add(new FeedReport.Rejection(row.line(), row.malformed()));
          continue;
        }
        try {
          @Nullable String[] values = format.stage(row, context);
          appendCsv(buffer, row.line(), values);
        } catch (RowRejected e) {
          rejections.add(new FeedReport.Rejection(row.line(), e.code()));
        }
        if (buffer.length() >= COPY_CHUNK) {
          write(copy, buffer);
        }
      }
      write(copy, buffer);
      copy.endCopy();
      copy = null;
      return total;
    } catch (SQLException e) {
      throw new IllegalStateException("COPY into the feed staging table failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (copy != null && copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException e) {
          log.warn("Could not cancel COPY", e);
        }
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
    if (buffer.isEmpty()) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  /** One CSV record for COPY: NULL is an unquoted empty field, every value is quoted. */
  static void appendCsv(StringBuilder buffer, int line, @Nullable String[] values) {
    buffer.append(line);
    for (String value : values) {
      buffer.append(',');
      if (value != null) {
        buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
      }
    }
    buffer.append('\n');
  }
}
