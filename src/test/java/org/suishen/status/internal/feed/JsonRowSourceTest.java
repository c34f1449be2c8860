package org.suishen.status.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

/** JSON feeds are keyed in camelCase, like every JSON body of the API. */
class JsonRowSourceTest {

  static JsonRowSource json(Map<String, @Nullable Object> row) {
    return new JsonRowSource(List.of(row), FeedKind.ORDERS.format());
  }

  @Test
  void readsCamelCaseKeysAsTheCsvColumns() {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("orderId", "Q-1");
    row.put("documentType", "RESIDENT_ID");
    row.put("documentNumber", "310101199001011234");
    row.put("kind", "QUARANTINE");
    row.put("startsAt", "2026-03-01");

    FeedRow read = json(row).next();

    assertThat(read.values())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "order_id", "Q-1",
                "document_type", "RESIDENT_ID",
                "document_number", "310101199001011234",
                "kind", "QUARANTINE",
                "starts_at", "2026-03-01"));
  }

  @Test
  void refusesSnakeCaseAndUnknownKeysNamingTheKeyAsSent() {
    assertThatThrownBy(() -> json(Map.of("order_id", "Q-1")))
        .isInstanceOf(SuishenException.class)
        .extracting(e -> ((SuishenException) e).code())
        .isEqualTo("status.feed.header-unknown-column");
    assertThatThrownBy(() -> json(Map.of("OrderId", "Q-1")))
        .extracting(e -> ((SuishenException) e).code())
        .isEqualTo("status.feed.header-unknown-column");
    assertThatThrownBy(() -> json(Map.of("colour", "RED")))
        .extracting(e -> List.of(((SuishenException) e).arguments()))
        .isEqualTo(List.of("colour"));
  }

  @Test
  void convertsKeysToColumnNames() {
    assertThat(JsonRowSource.column("startsAt")).isEqualTo("starts_at");
    assertThat(JsonRowSource.column("documentNumber")).isEqualTo("document_number");
    assertThat(JsonRowSource.column("kind")).isEqualTo("kind");
  }
}
