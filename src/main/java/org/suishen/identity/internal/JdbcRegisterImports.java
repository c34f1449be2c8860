package org.suishen.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.RegisterRejection;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Register imports: takes uploads ({@link UploadSpool}), records each import ({@link
 * RegisterImportJobs}) and runs it ({@link RegisterImportRun}) in ONE transaction, in the
 * background on a virtual thread or in the caller's thread: the register sees the whole import or
 * nothing of it. Marks imports interrupted by a stopped server as FAILED.
 */
@Service
class JdbcRegisterImports implements RegisterImports, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JdbcRegisterImports.class);

  private final RegisterImportJobs jobs;
  private final Clock clock;
  private final IdentityProperties.RegisterImport settings;
  private final TransactionTemplate transaction;
  private final RegisterImportRun run;
  private final RejectionsCsv rejectionsCsv;
  private final UploadSpool uploads;
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
    this.jobs = jobs;
    this.clock = clock;
    this.settings = properties.registerImport();
    this.transaction = new TransactionTemplate(transactions);
    var separateTransaction = new TransactionTemplate(transactions);
    separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    var readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    this.run =
        new RegisterImportRun(
            dataSource, jdbc, jobs, audit, events, clock, settings, separateTransaction);
    this.rejectionsCsv = new RejectionsCsv(jobs, messages, readOnly);
    this.uploads = new UploadSpool(settings);
  }

  @Override
  public RegisterImportJob start(InputStream upload, String fileName, Actor actor)
      throws IOException {
    Path file = uploads.spool(upload);
    RegisterImportJob job;
    try {
      RegisterFileHeader.check(file);
      job =
          jobs.create(
              UUID.randomUUID(),
              UploadSpool.clean(fileName),
              actor.toString(),
              UploadSpool.size(file),
              now());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    background.execute(
        () -> {
          try {
            execute(job, file, actor, j -> {});
          } finally {
            UploadSpool.deleteQuietly(file);
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
          jobs.create(
              UUID.randomUUID(),
              UploadSpool.clean(fileName),
              actor.toString(),
              UploadSpool.size(file),
              now());
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
    rejectionsCsv.write(importId, out);
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
      transaction.executeWithoutResult(status -> run.importAll(job, file, actor, listener));
    } catch (SuishenException e) {
      log.warn("Register import {} failed: {}", job.id(), e.code());
      jobs.fail(job.id(), e.code(), now());
    } catch (RuntimeException | Error e) {
      log.error("Register import {} failed: {}", job.id(), RegisterImportRun.describe(e));
      jobs.fail(job.id(), RegisterImportErrors.FAILED, now());
    }
    RegisterImportJob end = jobs.find(job.id()).orElseThrow();
    listener.accept(end);
    return end;
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
}
