package org.suishen.status.internal.feed;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A feed sent as a JSON array of objects keyed by the same column names as the CSV header. */
final class JsonRowSource implements RowSource {

  private final Iterator<Map<String, @Nullable Object>> rows;
  private int position;

  JsonRowSource(List<Map<String, @Nullable Object>> rows, FeedFormat format) {
    if (rows.isEmpty()) {
      throw org.suishen.shared.problem.SuishenException.badInput("status.feed.empty");
    }
    for (var row : rows) {
      format.checkHeader(
          row.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(), false);
    }
    this.rows = rows.iterator();
  }

  @Override
  public @Nullable FeedRow next() {
    if (!rows.hasNext()) {
      return null;
    }
    position++;
    Map<String, String> values = new HashMap<>();
    boolean malformed = false;
    for (var entry : rows.next().entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        malformed = true;
      } else if (value != null && !value.toString().isBlank()) {
        values.put(entry.getKey().toLowerCase(Locale.ROOT), value.toString().strip());
      }
    }
    return new FeedRow(position, values, malformed ? "status.feed.row-malformed" : null);
  }
}
