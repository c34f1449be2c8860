package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

class AuditQueryTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static AuditQuery parse(
      String subject, String actor, String action, String from, String to, String page) {
    return AuditQuery.parse(subject, actor, action, from, to, page, SHANGHAI);
  }

  private static String code(Runnable parsing) {
    try {
      parsing.run();
    } catch (SuishenException e) {
      return e.code();
    }
    throw new AssertionError("no refusal");
  }

  @Test
  void blankParametersMeanNoFilter() {
    AuditQuery query = parse(" ", "", null, "", " ", "");
    assertThat(query.filtered()).isFalse();
    assertThat(query.before()).isNull();
  }

  @Test
  void readsEveryFilter() {
    UUID person = UUID.randomUUID();
    AuditQuery query =
        parse(
            person.toString(),
            " staff:wang.li ",
            "Identity.Person.Read",
            "2026-05-01",
            "2026-05-01T12:30",
            "120");
    assertThat(query.subject()).isEqualTo(person);
    assertThat(query.actor()).isEqualTo("staff:wang.li");
    assertThat(query.action()).isEqualTo("identity.person.read");
    assertThat(query.actionPrefixPattern()).isNull();
    assertThat(query.from()).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-05-01T04:30:00Z"));
    assertThat(query.before()).isEqualTo(120L);
    assertThat(query.filtered()).isTrue();
  }

  @Test
  void aDateAsEndMeansTheWholeDayAndOffsetsAreHonoured() {
    AuditQuery query = parse(null, null, null, "2026-05-01T00:00:00Z", "2026-05-01", null);
    assertThat(query.from()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-05-01T16:00:00Z"));
    assertThat(parse(null, null, null, "2026-05-01T08:00:00+08:00", null, null).from())
        .isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
  }

  @Test
  void aTrailingStarSearchesByPrefixWithLikeCharactersEscaped() {
    assertThat(parse(null, null, "identity.*", null, null, null).actionPrefixPattern())
        .isEqualTo("identity.%");
    assertThat(parse(null, null, "a_b*", null, null, null).actionPrefixPattern())
        .isEqualTo("a\\_b%");
    assertThat(parse(null, null, "*", null, null, null).action()).isNull();
  }

  @Test
  void refusesBadInputWithStableCodes() {
    assertThat(code(() -> parse("not-a-uuid", null, null, null, null, null)))
        .isEqualTo("audit.search.subject-invalid");
    assertThat(code(() -> parse(null, "x".repeat(201), null, null, null, null)))
        .isEqualTo("audit.search.actor-invalid");
    assertThat(code(() -> parse(null, null, "drop table;", null, null, null)))
        .isEqualTo("audit.search.action-invalid");
    assertThat(code(() -> parse(null, null, null, "yesterday", null, null)))
        .isEqualTo("audit.search.time-invalid");
    assertThat(code(() -> parse(null, null, null, "2026-05-02", "2026-05-01T00:00", null)))
        .isEqualTo("audit.search.range-invalid");
    assertThat(code(() -> parse(null, null, null, null, null, "abc")))
        .isEqualTo("audit.search.page-invalid");
    assertThat(code(() -> parse(null, null, null, null, null, "0")))
        .isEqualTo("audit.search.page-invalid");
    assertThatThrownBy(() -> parse(null, null, null, null, null, "-5"))
        .isInstanceOf(SuishenException.class);
  }
}
