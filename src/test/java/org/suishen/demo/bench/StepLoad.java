package org.suishen.demo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a step of the city's build spent its time: the machine's CPU (this JVM, the rest, waiting
 * on the disk, idle), the blocks PostgreSQL had to read from outside its buffers, and the WAL it
 * wrote, with the share of full-page images (a page's first change after a checkpoint is logged
 * whole: random keys in a large index touch a new page nearly every time) and the checkpoints. One
 * snapshot before the step and one after; the difference is printed under the step's line.
 *
 * @param nanos wall clock
 * @param jvmCpuNanos CPU time of this JVM (every thread)
 * @param busyTicks the machine's user, nice, system, irq and softirq time ({@code /proc/stat})
 * @param ioWaitTicks the machine's time idle with a disk request outstanding
 * @param idleTicks the machine's idle time otherwise
 * @param relations blocks touched (found in the buffers or read) per table and per index
 */
public record StepLoad(
    long nanos,
    long jvmCpuNanos,
    long busyTicks,
    long ioWaitTicks,
    long idleTicks,
    long blocksHit,
    long blocksRead,
    long walBytes,
    long walFullPages,
    long walRecords,
    long checkpoints,
    Map<String, Long> relations) {

  /** The kernel's clock ticks per second for {@code /proc/stat} (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  /**
   * Each PostgreSQL backend reports its statistics when idle, at most once a second: the database's
   * counters are read that long after the step's last work (a test may skip the wait). The clock
   * and the CPU are read at the step's edges, so the wait counts in neither.
   */
  private static final long STATISTICS_PAUSE_MS =
      Long.getLong("bench.city.statistics-pause-ms", 1_100);

  /**
   * Before a step: the database's counters (after the last step's have been reported), then the
   * CPU.
   */
  public static StepLoad before(JdbcClient jdbc) throws InterruptedException {
    Thread.sleep(STATISTICS_PAUSE_MS);
    long[] db = database(jdbc);
    Map<String, Long> relations = relations(jdbc);
    long[] cpu = machineCpu();
    return of(System.nanoTime(), jvmCpu(), cpu, db, relations);
  }

  /** After a step: the clock and the CPU at once, the database's counters once reported. */
  public static StepLoad after(JdbcClient jdbc) throws InterruptedException {
    long nanos = System.nanoTime();
    long jvm = jvmCpu();
    long[] cpu = machineCpu();
    Thread.sleep(STATISTICS_PAUSE_MS);
    long[] db = database(jdbc);
    return of(nanos, jvm, cpu, db, relations(jdbc));
  }

  private static StepLoad of(
      long nanos, long jvm, long[] cpu, long[] db, Map<String, Long> relations) {
    return new StepLoad(
        nanos, jvm, cpu[0], cpu[1], cpu[2], db[0], db[1], db[2], db[3], db[4], db[5], relations);
  }

  private static long[] database(JdbcClient jdbc) {
    return jdbc.sql(
            "SELECT d.blks_hit, d.blks_read, w.wal_bytes::bigint, w.wal_fpi, w.wal_records,"
                + " c.num_timed + c.num_requested FROM pg_stat_database d, pg_stat_wal w,"
                + " pg_stat_checkpointer c WHERE d.datname = current_database()")
        .query(
            (rs, n) ->
                new long[] {
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6)
                })
        .single();
  }

  private static Map<String, Long> relations(JdbcClient jdbc) {
    var touched = new HashMap<String, Long>();
    jdbc.sql(
            "SELECT relname, coalesce(heap_blks_hit + heap_blks_read, 0) FROM pg_statio_user_tables"
                + " UNION ALL SELECT indexrelname, coalesce(idx_blks_hit + idx_blks_read, 0)"
                + " FROM pg_statio_user_indexes")
        .query((rs, n) -> touched.merge(rs.getString(1), rs.getLong(2), Long::sum))
        .list();
    return touched;
  }

  private static long jvmCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** user+nice+system+irq+softirq, iowait, idle of the line "cpu" of /proc/stat. */
  private static long[] machineCpu() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long busy =
          Long.parseLong(f[1])
              + Long.parseLong(f[2])
              + Long.parseLong(f[3])
              + Long.parseLong(f[6])
              + Long.parseLong(f[7]);
      return new long[] {busy, Long.parseLong(f[5]), Long.parseLong(f[4])};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0, 0};
    }
  }

  /**
   * The machine's CPU per operation between {@code before} and this snapshot: this JVM's and the
   * rest's (on a bench machine, PostgreSQL's), in microseconds.
   */
  public String cpuPer(StepLoad before, long operations, String operation) {
    double jvm = (jvmCpuNanos - before.jvmCpuNanos) / 1e3;
    double busy = (busyTicks - before.busyTicks) / TICKS_PER_SECOND * 1e6;
    return String.format(
        Locale.ROOT,
        "CPU per %s: JVM %.1f µs, PostgreSQL and the rest %.1f µs",
        operation,
        jvm / Math.max(1, operations),
        Math.max(0, busy - jvm) / Math.max(1, operations));
  }

  /** What happened between {@code before} and this snapshot, in one line. */
  public String since(StepLoad before) {
    double machine =
        (busyTicks - before.busyTicks)
            + (ioWaitTicks - before.ioWaitTicks)
            + (idleTicks - before.idleTicks);
    double jvmTicks = (jvmCpuNanos - before.jvmCpuNanos) / 1e9 * TICKS_PER_SECOND;
    double busy = busyTicks - before.busyTicks;
    long touched = (blocksHit - before.blocksHit) + (blocksRead - before.blocksRead);
    long wal = walBytes - before.walBytes;
    long records = walRecords - before.walRecords;
    return String.format(
            Locale.ROOT,
            "CPU: JVM %.0f %%, PostgreSQL and the rest %.0f %%, waiting on the disk %.0f %%,"
                + " idle %.0f %%; blocks %,d, %.1f %% read outside the buffers; WAL %,d MB,"
                + " %.0f %% of records with a full-page image, %d checkpoints",
            share(jvmTicks, machine),
            share(Math.max(0, busy - jvmTicks), machine),
            share(ioWaitTicks - before.ioWaitTicks, machine),
            share(idleTicks - before.idleTicks, machine),
            touched,
            share(blocksRead - before.blocksRead, touched),
            wal / (1024 * 1024),
            share(walFullPages - before.walFullPages, records),
            checkpoints - before.checkpoints)
        + mostTouched(before, touched);
  }

  /** The three tables or indexes with the most blocks touched, and their share. */
  private String mostTouched(StepLoad before, long touched) {
    if (touched <= 0) {
      return "";
    }
    return relations.entrySet().stream()
        .map(
            e ->
                Map.entry(e.getKey(), e.getValue() - before.relations.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .map(
            e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), share(e.getValue(), touched)))
        .collect(Collectors.joining(", ", "; most touched: ", ""));
  }

  private static double share(double part, double whole) {
    return whole <= 0 ? 0 : 100 * part / whole;
  }
}
