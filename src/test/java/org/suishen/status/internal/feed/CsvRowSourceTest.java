package org.suishen.status.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

class CsvRowSourceTest {

  static CsvRowSource csv(String text) throws Exception {
    return new CsvRowSource(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        FeedKind.RELEASES.format());
  }

  @Test
  void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
    assertThat(CsvRowSource.split("a,\"b,c\",\"say \"\"hi\"\"\",,e"))
        .containsExactly("a", "b,c", "say \"hi\"", "", "e");
    assertThat(CsvRowSource.split("a,b\r")).containsExactly("a", "b");
  }

  @Test
  void refusesUnbalancedOrStrayQuotes() {
    assertThat(CsvRowSource.split("a,\"b")).isNull();
    assertThat(CsvRowSource.split("a,\"b\"c")).isNull();
    assertThat(CsvRowSource.split("a,b\"c\"")).isNull();
  }

  @Test
  void readsRowsByColumnNameSkippingBlankLinesAndTheByteOrderMark() throws Exception {
    var source = csv("\uFEFFOrder_ID, released_at\n\nQ-1, 2026-03-01\nQ-2\n");

    FeedRow first = source.next();
    assertThat(first.line()).isEqualTo(3);
    assertThat(first.get("order_id")).isEqualTo("Q-1");
    assertThat(first.get("released_at")).isEqualTo("2026-03-01");
    FeedRow second = source.next();
    assertThat(second.line()).isEqualTo(4);
    assertThat(second.malformed()).isEqualTo("status.feed.row-malformed");
    assertThat(source.next()).isNull();
  }

  @Test
  void refusesAWholeFileWithABadHeader() {
    assertThatThrownBy(() -> csv(""))
        .isInstanceOf(SuishenException.class)
        .extracting(e -> ((SuishenException) e).code())
        .isEqualTo("status.feed.empty");
    assertThatThrownBy(() -> csv("order_id\nQ-1\n"))
        .extracting(e -> ((SuishenException) e).code())
        .isEqualTo("status.feed.header-missing-column");
    assertThatThrownBy(() -> csv("order_id,released_at,order_id\n"))
        .extracting(e -> ((SuishenException) e).code())
        .isEqualTo("status.feed.header-duplicate-column");
  }
}
