package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Habits of the test sources that, broken, make other tests fail far away or lie. */
class TestSourcesTest {

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void noTestUsesTheCsrfPostProcessorThatRewiresTheSharedFilterChain() throws IOException {
    var offenders =
        sources().stream()
            .filter(p -> !p.endsWith("TestSourcesTest.java"))
            .filter(p -> read(p).contains("SecurityMockMvcRequestPostProcessors.csrf"))
            .toList();
    assertThat(offenders).as("use HealthCodeFixtures.xsrf() instead").isEmpty();
  }

  /** Spelled in parts, so that this file does not itself hold the words it looks for. */
  private static final List<String> SKIPPING =
      List.of("@" + "Disabled", "Assumptions" + ".assume", "Assume" + ".assume");

  @Test
  void noTestIsSkipped() throws IOException {
    var offenders =
        sources().stream()
            .filter(p -> !p.endsWith("TestSourcesTest.java"))
            .filter(p -> SKIPPING.stream().anyMatch(read(p)::contains))
            .toList();
    assertThat(offenders).as("a test that cannot run must fail, not be skipped").isEmpty();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
