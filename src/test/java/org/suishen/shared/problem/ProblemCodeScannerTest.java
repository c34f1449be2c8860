package org.suishen.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner on a small source: each way of making a code, and what it cannot follow. */
class ProblemCodeScannerTest {

  @TempDir Path source;

  private static final String EXCEPTION =
      """
      package x;
      public class SuishenException extends RuntimeException {
        private final String code;
        public SuishenException(String code, HttpStatus status, Object... arguments) {
          this.code = code;
        }
        public static SuishenException badInput(String code, Object... arguments) {
          return new SuishenException(code, HttpStatus.BAD_REQUEST, arguments);
        }
        public String code() { return code; }
      }
      """;

  private static final String LOOKUP =
      """
      package x;
      class Messages {
        String message(String code, Object... arguments) { return lookup("error." + code); }
        String lookup(String key) { return key; }
      }
      class Advice {
        private final Messages messages = new Messages();
        String refused(SuishenException e) { return messages.message(e.code()); }
        String ended(Ended ended) { return messages.message(ended.problemCode()); }
        String byStatus(int status) {
          return messages.message(switch (status) { case 404 -> "x.not-found"; default -> "x.other"; });
        }
      }
      """;

  private static final String USES =
      """
      package x;
      final class Errors { static final String GONE = "x.gone"; }
      class Policy {
        void check(String raw, String code) {
          if (raw == null) { throw SuishenException.badInput(code + ".required"); }
        }
        void name() { check(null, "x.name"); }
        void literal() { throw SuishenException.badInput("x.literal", 3); }
        void constant() { throw new SuishenException(Errors.GONE, HttpStatus.GONE); }
        void conditional(boolean yes) { throw SuishenException.badInput(yes ? "x.yes" : "x.no"); }
        void local(boolean again) {
          String code = "x.local";
          if (again) { code = "x.again"; }
          throw SuishenException.badInput(code);
        }
        void dynamic(String input) { throw SuishenException.badInput(input.strip()); }
        Ended end() { return new Ended("x.ended"); }
      }
      class Locked extends SuishenException {
        static final String CODE = "x.locked";
        Locked() { super(CODE, HttpStatus.TOO_MANY_REQUESTS); }
      }
      record Ended(String problemCode) {}
      class RowRefused extends Exception {
        RowRefused(String reason) {}
        static final String SQL = "UPDATE staging SET reject = 'x.duplicate' WHERE n > 1";
      }
      class Rows { void refuse() throws RowRefused { throw new RowRefused("x.row"); } }
      """;

  @Test
  void followsEveryWayACodeIsMadeAndReportsWhatItCannotFollow() throws Exception {
    Files.createDirectories(source.resolve("x"));
    Files.writeString(source.resolve("x/SuishenException.java"), EXCEPTION);
    Files.writeString(source.resolve("x/Messages.java"), LOOKUP);
    Files.writeString(source.resolve("x/Policy.java"), USES);

    var result =
        ProblemCodeScanner.scan(
            source,
            List.of(new ProblemCodeScanner.Carrier("RowRefused", "<init>", 0, "stored")),
            List.of());

    assertThat(result.codes().keySet())
        .containsExactlyInAnyOrder(
            "x.name.required",
            "x.literal",
            "x.gone",
            "x.yes",
            "x.no",
            "x.local",
            "x.again",
            "x.locked",
            "x.ended",
            "x.not-found",
            "x.other",
            "x.row",
            "x.duplicate");
    assertThat(result.statuses())
        .containsEntry("x.literal", Set.of(400))
        .containsEntry("x.name.required", Set.of(400))
        .containsEntry("x.gone", Set.of(410))
        .containsEntry("x.locked", Set.of(429))
        .containsEntry("x.not-found", Set.of(404))
        .containsEntry("x.ended", Set.of());
    assertThat(result.unresolved())
        .extracting(ProblemCodeScanner.Unresolved::expression)
        .containsExactly("input.strip()");

    var declared =
        ProblemCodeScanner.scan(
            source,
            List.of(),
            List.of(new ProblemCodeScanner.Opaque("Policy.java", "input.strip()", "test")));
    assertThat(declared.unresolved()).isEmpty();
    assertThat(declared.codes()).doesNotContainKeys("x.row", "x.duplicate");
  }
}
