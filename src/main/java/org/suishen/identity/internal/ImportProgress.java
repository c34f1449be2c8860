package org.suishen.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportPhase;
import org.suishen.identity.RegisterRejection;

/**
 * The counters of a running import. Every {@code interval} (and on every change of phase) it stores
 * the refused rows found so far and the job's progress in their own short transactions, and tells
 * the listener.
 */
final class ImportProgress {

  /** Stores a snapshot of the job and the rejections since the last one. */
  interface Sink {
    void store(RegisterImportJob job, List<RegisterRejection> newRejections);
  }

  private static final int REJECTION_BUFFER = 5_000;

  private final RegisterImportJob start;
  private final Sink sink;
  private final Consumer<RegisterImportJob> listener;
  private final long intervalNanos;
  private final List<RegisterRejection> rejections = new ArrayList<>();
  private RegisterImportPhase phase = RegisterImportPhase.READING;
  private long bytesRead;
  private long rowsRead;
  private long rowsRejected;
  private long next;

  ImportProgress(
      RegisterImportJob start,
      Sink sink,
      Consumer<RegisterImportJob> listener,
      java.time.Duration interval) {
    this.start = start;
    this.sink = sink;
    this.listener = listener;
    this.intervalNanos = interval.toNanos();
    this.next = System.nanoTime() + intervalNanos;
  }

  void rowRead() {
    rowsRead++;
  }

  void rejected(RegisterRejection rejection) {
    rowsRejected++;
    rejections.add(rejection);
  }

  long rowsRead() {
    return rowsRead;
  }

  long rowsRejected() {
    return rowsRejected;
  }

  long bytesRead() {
    return bytesRead;
  }

  /** Reports if the interval has passed or the rejection buffer is full. */
  void tick(long bytes) {
    bytesRead = bytes;
    if (rejections.size() >= REJECTION_BUFFER || System.nanoTime() - next >= 0) {
      report();
    }
  }

  void phase(RegisterImportPhase newPhase, long bytes) {
    phase = newPhase;
    bytesRead = bytes;
    report();
  }

  private void report() {
    RegisterImportJob job = snapshot();
    sink.store(job, List.copyOf(rejections));
    rejections.clear();
    listener.accept(job);
    next = System.nanoTime() + intervalNanos;
  }

  RegisterImportJob snapshot() {
    return new RegisterImportJob(
        start.id(),
        start.fileName(),
        start.startedBy(),
        start.status(),
        phase,
        start.bytesTotal(),
        bytesRead,
        rowsRead,
        rowsRejected,
        0,
        0,
        null,
        start.startedAt(),
        null);
  }
}
