package org.suishen.support;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a JMH benchmark class briefly, one fork, one thread. Arguments (optional): warm-up
 * iterations (default 2), measurement iterations (3), seconds per iteration (2).
 */
public final class BriefJmh {

  private BriefJmh() {}

  public static void run(Class<?> benchmark, String[] args) throws RunnerException {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    new Runner(
            new OptionsBuilder()
                .include(benchmark.getSimpleName())
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .forks(1)
                .threads(1)
                .build())
        .run();
  }
}
