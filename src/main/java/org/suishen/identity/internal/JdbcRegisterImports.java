package org.suishen.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Reads a register file row by row, checks each row, streams the valid ones with COPY into an
 * unlogged staging table and merges that into {@code person} with one INSERT ... ON CONFLICT, all
 * in ONE transaction: the register sees the whole import or nothing of it. Progress and refused
 * rows are written in their own short transactions while the file is read, so they are visible at
 * once (and kept when the import fails).
 */
@Service
class JdbcRegisterImports implements RegisterImports, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JdbcRegisterImports.class);

  /** Advisory lock (namespace, 0) serialising merges, so that two imports never deadlock. */
  private static final int MERGE_LOCK_CLASS = 20202;

  private static final int MAX_LINE = 8192;
  static final String AUDIT_ACTION = "identity.register.imported";
  static final String AUDIT_REASON = "population register import";

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final RegisterImportJobs jobs;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final ErrorMessages messages;
  private final Clock clock;
  private final IdentityProperties.RegisterImport settings;
  private final TransactionTemplate transaction;
  private final TransactionTemplate separateTransaction;
  private final TransactionTemplate readOnly;
  private final ExecutorService background =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("register-import-", 0).factory());

  JdbcRegisterImports(
      DataSource dataSource,
      JdbcClient jdbc,
      RegisterImportJobs jobs,
      AuditTrail audit,
      ApplicationEventPublisher events,
      ErrorMessages messages,
      Clock clock,
      IdentityProperties properties,
      PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.audit = audit;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
    this.settings = properties.registerImport();
    this.transaction = new TransactionTemplate(transactions);
    this.separateTransaction = new TransactionTemplate(transactions);
    separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
  }

  @Override
  public RegisterImportJob start(InputStream upload, String fileName, Actor actor)
      throws IOException {
    Path file = spool(upload);
    RegisterImportJob job;
    try {
      RegisterFileHeader.check(file);
      job = jobs.create(UUID.randomUUID(), clean(fileName), actor.toString(), size(file), now());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    background.execute(
        () -> {
          try {
            execute(job, file, actor, j -> {});
          } finally {
            deleteQuietly(file);
          }
        });
    return job;
  }

  @Override
  public RegisterImportJob run(
      Path file, String fileName, Actor actor, Consumer<RegisterImportJob> progress) {
    try {
      RegisterFileHeader.check(file);
      RegisterImportJob job =
          jobs.create(UUID.randomUUID(), clean(fileName), actor.toString(), size(file), now());
      progress.accept(job);
      return execute(job, file, actor, progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<RegisterImportJob> find(UUID importId) {
    Optional<RegisterImportJob> job = jobs.find(importId);
    if (job.isPresent()
        && job.get().status() == RegisterImportStatus.RUNNING
        && job.get().startedAt().isBefore(interruptedCutoff())
        && failInterrupted() > 0) {
      return jobs.find(importId);
    }
    return job;
  }

  @Override
  public List<RegisterImportJob> recent(int limit) {
    return jobs.recent(limit);
  }

  @Override
  public List<RegisterRejection> rejections(UUID importId, int limit) {
    return jobs.rejections(importId, limit);
  }

  @Override
  public void writeRejections(UUID importId, OutputStream out) throws IOException {
    Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    csv.write('\uFEFF');
    csv.write("line,reason,detail,document,message_zh,message_en\n");
    readOnly.executeWithoutResult(
        status ->
            jobs.eachRejection(
                importId,
                rs -> {
                  RegisterRejection r = RegisterImportJobs.rejection(rs, 0);
                  Object[] arguments =
                      r.detail() == null ? new Object[0] : new Object[] {r.detail()};
                  try {
                    csv.write(
                        String.join(
                                ",",
                                Long.toString(r.line()),
                                r.reason(),
                                Csv.quote(r.detail()),
                                Csv.quote(r.document()),
                                Csv.quote(messages.chinese(r.reason(), arguments)),
                                Csv.quote(messages.english(r.reason(), arguments)))
                            + "\n");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
    csv.flush();
  }

  /** After a restart, imports that were running when the server stopped are marked FAILED. */
  @EventListener(ApplicationReadyEvent.class)
  void failInterruptedAtStart() {
    int failed = failInterrupted();
    if (failed > 0) {
      log.warn("{} register import(s) were interrupted by a restart and are marked FAILED", failed);
    }
  }

  private int failInterrupted() {
    return jobs.failInterrupted(interruptedCutoff(), now());
  }

  private Instant interruptedCutoff() {
    return now().minus(settings.interruptedAfter());
  }

  /** Runs the import to its end and answers the finished job; never throws. */
  private RegisterImportJob execute(
      RegisterImportJob job, Path file, Actor actor, Consumer<RegisterImportJob> listener) {
    try {
      transaction.executeWithoutResult(status -> importAll(job, file, actor, listener));
    } catch (SuishenException e) {
      log.warn("Register import {} failed: {}", job.id(), e.code());
      jobs.fail(job.id(), e.code(), now());
    } catch (RuntimeException | Error e) {
      log.error("Register import {} failed: {}", job.id(), describe(e));
      jobs.fail(job.id(), RegisterImportErrors.FAILED, now());
    }
    RegisterImportJob end = jobs.find(job.id()).orElseThrow();
    listener.accept(end);
    return end;
  }

  /** The import's one transaction: lock, stage, merge, record. */
  private void importAll(
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
                MERGE_LOCK_CLASS,
                java.time.OffsetDateTime.ofInstant(loadedAt, java.time.ZoneOffset.UTC));
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
              .param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
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
    var seen = new DocumentKeys(size(file) / 80);
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

  private Path spool(InputStream upload) throws IOException {
    Files.createDirectories(settings.workDirectory());
    Path file = Files.createTempFile(settings.workDirectory(), "register-", ".csv");
    long limit = settings.maxFileSize().toBytes();
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = upload.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new SuishenException("request.too-large", HttpStatus.CONTENT_TOO_LARGE);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  /** The file name as shown: the last path segment, printable, at most 200 characters. */
  static String clean(@Nullable String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    return name.isEmpty() ? "register.csv" : name;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the uploaded register file {}", file.getFileName());
    }
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

  @Override
  public void destroy() throws InterruptedException {
    background.shutdown();
    if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
      log.warn("Register imports still running at shutdown will be marked FAILED after restart");
      background.shutdownNow();
    }
  }

  /** CSV quoting of one value. */
  static final class Csv {
    private Csv() {}

    static String quote(@Nullable String value) {
      if (value == null) {
        return "";
      }
      if (value.indexOf(',') < 0
          && value.indexOf('"') < 0
          && value.indexOf('\n') < 0
          && value.indexOf('\r') < 0) {
        return value;
      }
      return '"' + value.replace("\"", "\"\"") + '"';
    }
  }
}
