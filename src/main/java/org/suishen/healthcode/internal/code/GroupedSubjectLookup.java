package org.suishen.healthcode.internal.code;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects.Subject;

/**
 * The scan path's reference lookups, grouped: concurrent scans put their reference on a queue and a
 * loader thread (of two) answers everything waiting with a single {@code person_ref = ANY(?)}
 * query. At peak this turns hundreds of primary-key round trips into one (the read-side twin of the
 * scan log's group commit); when idle a lookup costs one extra thread hand-off.
 */
@Component
class GroupedSubjectLookup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GroupedSubjectLookup.class);
  private static final int MAX_GROUP = 500;
  private static final long TIMEOUT_SECONDS = 5;

  private final JdbcCodeSubjects subjects;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
  private static final int LOADERS = 2;
  private final List<Thread> loaders = new ArrayList<>();
  private volatile boolean running;

  GroupedSubjectLookup(JdbcCodeSubjects subjects) {
    this.subjects = subjects;
  }

  Optional<Subject> resolve(UUID personRef) {
    var pending = new Pending(personRef, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      return subjects.resolve(personRef);
    }
    try {
      return pending.answer().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new DataAccessResourceFailureException("subject lookup failed", e.getCause());
    } catch (TimeoutException e) {
      throw new DataAccessResourceFailureException("subject lookup timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessResourceFailureException("interrupted", e);
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < LOADERS; i++) {
      loaders.add(Thread.ofPlatform().name("subject-lookup-" + i).daemon(true).start(this::loop));
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (Thread thread : loaders) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    loaders.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    List<Pending> group = new ArrayList<>(MAX_GROUP);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        answer(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (!running) {
          break;
        }
      } finally {
        group.clear();
      }
    }
  }

  private void answer(List<Pending> group) {
    try {
      var refs = new HashSet<UUID>();
      group.forEach(p -> refs.add(p.ref()));
      var found = subjects.resolveAll(refs);
      group.forEach(p -> p.answer().complete(Optional.ofNullable(found.get(p.ref()))));
    } catch (RuntimeException e) {
      log.warn("Subject lookup of {} references failed", group.size(), e);
      group.forEach(p -> p.answer().completeExceptionally(e));
    }
  }

  private record Pending(UUID ref, CompletableFuture<Optional<Subject>> answer) {}
}
