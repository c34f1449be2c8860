package org.suishen.shared.admission.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator for {@code bench/overload}: requests are sent at a fixed rate
 * whatever the answers do (as a city's phones do at 08:31), and each latency counts from the moment
 * the request was due, not from when it went out (no coordinated omission). Admitted answers (2xx),
 * polite refusals (503 or 429; whether they carried {@code Retry-After}) and failures are counted
 * apart. Beside the flood, a probe sends a low steady rate to a path of another class of work, to
 * show that the flood does not starve it.
 *
 * <p>Arguments: base URL, flooded path, probe path, cookie file (one {@code Cookie} value a line,
 * used in turn), the steps as rates per second ({@code 2000,4000,6000,10000}), seconds per step,
 * probe rate per second, most requests in flight (beyond it a due request is counted as not sent:
 * the generator itself is saturated).
 *
 * <p>Prints one line per step, then the recovery: the flood back at the first step's rate, and the
 * seconds until a whole second passes with no refusal and a p99 under 250 ms.
 */
public final class OpenLoopLoad {

  private OpenLoopLoad() {}

  /** What one stream saw in one step. */
  static final class Tally {
    final Recorder admitted = new Recorder(3);
    final Recorder refused = new Recorder(3);
    final AtomicLong admittedCount = new AtomicLong();
    final AtomicLong refusedCount = new AtomicLong();
    final AtomicLong refusedWithoutRetryAfter = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong notSent = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(2))
          .build();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String path = args[1];
    String probePath = args[2];
    List<String> cookies = Files.readAllLines(Path.of(args[3]));
    List<Integer> rates = new ArrayList<>();
    for (String rate : args[4].split(",")) {
      rates.add(Integer.parseInt(rate.trim()));
    }
    int seconds = Integer.parseInt(args[5]);
    int probeRate = Integer.parseInt(args[6]);
    int maxInFlight = Integer.parseInt(args[7]);

    var cursor = new AtomicLong();
    long floodEnded = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "step   offered/s  admitted/s  adm p50 ms  adm p99 ms  refused/s  ref p99 ms"
            + "  no-Retry-After  failed  not-sent | probe ok %%  probe p99 ms%n");
    for (int rate : rates) {
      Tally flood = new Tally();
      Tally probe = new Tally();
      Thread probeThread =
          Thread.ofPlatform()
              .start(() -> drive(base + probePath, cookies, cursor, probeRate, seconds, probe, 64));
      drive(base + path, cookies, cursor, rate, seconds, flood, maxInFlight);
      floodEnded = System.nanoTime();
      probeThread.join();
      drain(flood);
      drain(probe);
      Histogram adm = flood.admitted.getIntervalHistogram();
      Histogram ref = flood.refused.getIntervalHistogram();
      Histogram probeAdm = probe.admitted.getIntervalHistogram();
      long probeAll =
          probe.admittedCount.get()
              + probe.refusedCount.get()
              + probe.failed.get()
              + probe.notSent.get();
      System.out.printf(
          Locale.ROOT,
          "%4.1fx  %9d  %10.0f  %10.1f  %10.1f  %9.0f  %10.1f  %14d  %6d  %8d | %9.1f  %12.1f%n",
          (double) rate / rates.get(0),
          rate,
          flood.admittedCount.get() / (double) seconds,
          ms(adm.getValueAtPercentile(50)),
          ms(adm.getValueAtPercentile(99)),
          flood.refusedCount.get() / (double) seconds,
          ms(ref.getValueAtPercentile(99)),
          flood.refusedWithoutRetryAfter.get(),
          flood.failed.get(),
          flood.notSent.get(),
          probeAll == 0 ? 0 : 100.0 * probe.admittedCount.get() / probeAll,
          ms(probeAdm.getValueAtPercentile(99)));
    }
    recovery(base + path, cookies, cursor, rates.get(0), maxInFlight, floodEnded);
    System.exit(0);
  }

  /**
   * The flood back at the first step's rate: seconds until a clean second (none refused, p99 < 250
   * ms).
   */
  static void recovery(
      String url, List<String> cookies, AtomicLong cursor, int rate, int maxInFlight, long dropped)
      throws InterruptedException {
    for (int second = 1; second <= 20; second++) {
      Tally tally = new Tally();
      drive(url, cookies, cursor, rate, 1, tally, maxInFlight);
      drain(tally);
      Histogram adm = tally.admitted.getIntervalHistogram();
      if (tally.refusedCount.get() == 0
          && tally.failed.get() == 0
          && ms(adm.getValueAtPercentile(99)) < 250) {
        System.out.printf(
            Locale.ROOT,
            "recovery: a clean second (none refused, p99 %.1f ms) ended %.1f s after the load"
                + " dropped to %d/s%n",
            ms(adm.getValueAtPercentile(99)),
            (System.nanoTime() - dropped) / 1e9,
            rate);
        return;
      }
    }
    System.out.println("recovery: not within 20 s");
  }

  /** Sends {@code rate} requests a second for {@code seconds}, each at its due time. */
  static void drive(
      String url,
      List<String> cookies,
      AtomicLong cursor,
      int rate,
      int seconds,
      Tally tally,
      int maxInFlight) {
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    URI uri = URI.create(url);
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (tally.inFlight.get() >= maxInFlight) {
        tally.notSent.incrementAndGet();
        continue;
      }
      String cookie = cookies.get((int) (cursor.getAndIncrement() % cookies.size()));
      var request =
          HttpRequest.newBuilder(uri)
              .header("Cookie", cookie)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build();
      tally.inFlight.incrementAndGet();
      HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                long latency = Math.max(0, System.nanoTime() - due);
                tally.inFlight.decrementAndGet();
                if (failure != null) {
                  tally.failed.incrementAndGet();
                } else if (response.statusCode() / 100 == 2) {
                  tally.admitted.recordValue(latency);
                  tally.admittedCount.incrementAndGet();
                } else if (response.statusCode() == 503 || response.statusCode() == 429) {
                  tally.refused.recordValue(latency);
                  tally.refusedCount.incrementAndGet();
                  if (response.headers().firstValue("Retry-After").isEmpty()) {
                    tally.refusedWithoutRetryAfter.incrementAndGet();
                  }
                } else {
                  tally.failed.incrementAndGet();
                }
              });
    }
  }

  /** Waits (up to 15 s) for the answers still on their way. */
  static void drain(Tally tally) throws InterruptedException {
    for (int i = 0; i < 150 && tally.inFlight.get() > 0; i++) {
      Thread.sleep(100);
    }
  }

  static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
