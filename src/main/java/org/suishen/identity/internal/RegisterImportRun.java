package org.suishen.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.PopulationRegisterImported;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportPhase;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.RegisterRejection;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * One import of one file, inside the caller's transaction: reads the file row by row, checks each
 * row, streams the valid ones with binary COPY and puts them into {@code person} — through an
 * unlogged staging table and one INSERT ... ON CONFLICT merge, or, into an empty register, straight
 * into the table ({@link FirstLoad}). Progress and refused rows go out through {@code
 * separateTransaction} while the file is read. Completes the job, audits it and publishes {@link
 * PopulationRegisterImported}.
 */
final class RegisterImportRun {

  private static final Logger log = LoggerFactory.getLogger(RegisterImportRun.class);

  /** Advisory lock (namespace, 0) serialising merges, so that two imports never deadlock. */
  static final int MERGE_LOCK_CLASS = 20202;

  static final String AUDIT_ACTION = "identity.register.imported";
  static final String AUDIT_REASON = "population register import";
  private static final int MAX_LINE = 8192;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final RegisterImportJobs jobs;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final IdentityProperties.RegisterImport settings;
  private final TransactionTemplate separateTransaction;

  RegisterImportRun(
      DataSource dataSource,
      JdbcClient jdbc,
      RegisterImportJobs jobs,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      IdentityProperties.RegisterImport settings,
      TransactionTemplate separateTransaction) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.separateTransaction = separateTransaction;
  }

  /** The import's one transaction: lock, stage, merge, record. */
  void importAll(
      RegisterImportJob job, Path file, Actor actor, Consumer<RegisterImportJob> listener) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .param(RegisterImportJobs.LOCK_CLASS)
        .param(job.id().toString())
        .query()
        .listOfRows();
    var progress =
        new ImportProgress(
            job,
            (snapshot, rejected) ->
                separateTransaction.executeWithoutResult(
                    s -> {
                      jobs.reject(job.id(), rejected);
                      jobs.progress(snapshot, now());
                    }),
            listener,
            settings.progressInterval());
    Instant loadedAt = now();
    var firstLoad = new FirstLoad(jdbc);
    boolean empty =
        settings.firstLoadBulk()
            && firstLoad.begin(
                MERGE_LOCK_CLASS, OffsetDateTime.ofInstant(loadedAt, ZoneOffset.UTC));
    String staging = StagingTable.name(job.id());
    if (!empty) {
      jdbc.sql(StagingTable.create(staging)).update();
    }
    long reading = System.nanoTime();
    long[] staged = stage(file, empty ? FirstLoad.COPY : StagingTable.copy(staging), progress);
    progress.phase(RegisterImportPhase.MERGING, staged[0]);
    long merging = System.nanoTime();

    Instant now = now();
    long[] counts;
    if (empty) {
      firstLoad.finish();
      counts = new long[] {staged[1], staged[1]};
    } else {
      jdbc.sql("SELECT pg_advisory_xact_lock(?, 0)").param(MERGE_LOCK_CLASS).query().listOfRows();
      jdbc.sql(StagingTable.analyze(staging)).update();
      jdbc.sql("SELECT set_config('work_mem', ?, true)")
          .param(settings.mergeWorkMem().toKilobytes() + "kB")
          .query()
          .listOfRows();
      counts =
          jdbc.sql(StagingTable.merge(staging))
              .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .query((rs, n) -> new long[] {rs.getLong("inserted"), rs.getLong("merged")})
              .single();
      jdbc.sql(StagingTable.drop(staging)).update();
    }
    log.info(
        "Register import {}: read {} rows in {} ms, then {} {} persons in {} ms",
        job.id(),
        progress.rowsRead(),
        (merging - reading) / 1_000_000,
        empty ? "indexed (first load of an empty register)" : "merged",
        counts[1],
        (System.nanoTime() - merging) / 1_000_000);

    RegisterImportJob read = progress.snapshot();
    RegisterImportJob done =
        new RegisterImportJob(
            job.id(),
            job.fileName(),
            job.startedBy(),
            RegisterImportStatus.DONE,
            RegisterImportPhase.FINISHED,
            job.bytesTotal(),
            read.bytesRead(),
            read.rowsRead(),
            read.rowsRejected(),
            counts[1],
            counts[0],
            null,
            job.startedAt(),
            now);
    if (!jobs.finish(done, now)) {
      throw new SuishenException(RegisterImportErrors.INTERRUPTED, HttpStatus.CONFLICT);
    }
    audit.record(
        new AuditEvent(
            actor,
            AUDIT_ACTION,
            null,
            AUDIT_REASON,
            "import=%s read=%d rejected=%d merged=%d inserted=%d"
                .formatted(job.id(), done.rowsRead(), done.rowsRejected(), counts[1], counts[0])));
    events.publishEvent(new PopulationRegisterImported(job.id(), counts[1], counts[0]));
  }

  /**
   * Reads and checks every row, COPYing the valid ones with {@code copy} (into the staging table,
   * or into {@code person} on a first load); answers bytes read and rows written.
   */
  private long[] stage(Path file, String copy, ImportProgress progress) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    var rules = new RegisterRowRules(LocalDate.now(clock), settings.maxNameLength());
    // register rows are about 100 bytes; sizing for 80 spares the table from growing
    var seen = new DocumentKeys(UploadSpool.size(file) / 80);
    String[] fields = new String[RegisterRowRules.COLUMNS];
    try (var lines = new RegisterFileReader(Files.newInputStream(file), MAX_LINE);
        var rows =
            new StagingTable.RowWriter(
                new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16),
                new RandomIds())) {
      if (!lines.next() || !RegisterFileHeader.matches(lines.line())) {
        throw SuishenException.badInput(RegisterImportErrors.HEADER, RegisterImports.HEADER);
      }
      long written = 0;
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        progress.rowRead();
        long number = lines.lineNumber();
        int count = lines.tooLong() ? 0 : lines.split(fields);
        try {
          if (count != RegisterRowRules.COLUMNS) {
            throw new RowRefused(
                RegisterImportErrors.MALFORMED_ROW,
                count == RegisterFileReader.UNBALANCED_QUOTES
                    ? "quotes"
                    : lines.tooLong() ? "length" : Integer.toString(count));
          }
          RegisterRow row = rules.check(fields);
          int first = seen.firstLine(row.document(), (int) number);
          if (first != 0) {
            throw new RowRefused(RegisterImportErrors.DUPLICATE, Integer.toString(first));
          }
          rows.write(row);
          written++;
        } catch (RowRefused refused) {
          progress.rejected(
              new RegisterRejection(
                  number,
                  refused.reason(),
                  refused.detail(),
                  count >= 2 ? masked(fields[1]) : null));
        }
        progress.tick(lines.bytesRead());
      }
      rows.close();
      return new long[] {lines.bytesRead(), written};
    } catch (CharacterCodingException e) {
      throw SuishenException.badInput(RegisterImportErrors.ENCODING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("COPY into the staging table failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** The row's document number as staff may see it (nothing for blanks or garbage). */
  private static @Nullable String masked(String number) {
    String n = number.strip();
    return n.isEmpty() || n.length() > 32 ? null : Masking.documentNumber(n);
  }

  /** The failure without its message, which may quote a row (personal data must not be logged). */
  static String describe(Throwable e) {
    var out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (!out.isEmpty()) {
        out.append(" <- ");
      }
      out.append(t.getClass().getName());
      if (t instanceof SQLException sql) {
        out.append(" SQLState ").append(sql.getSQLState());
      }
      if (t.getStackTrace().length > 0) {
        out.append(" at ").append(t.getStackTrace()[0]);
      }
    }
    return out.toString();
  }

  private Instant now() {
    return clock.instant();
  }
}
