package org.suishen.status.internal.feed;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * A feed sent as a JSON array of objects keyed by the CSV column names in camelCase, like every
 * JSON body of the API: {@code orderId} for the column {@code order_id}. A snake_case key is an
 * unknown column.
 */
final class JsonRowSource implements RowSource {

  private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

  private final Iterator<Map<String, @Nullable Object>> rows;
  private int position;

  JsonRowSource(List<Map<String, @Nullable Object>> rows, FeedFormat format) {
    if (rows.isEmpty()) {
      throw SuishenException.badInput("status.feed.empty");
    }
    for (var row : rows) {
      for (String key : row.keySet()) {
        if (!KEY.matcher(key).matches() || !format.columns().contains(column(key))) {
          throw SuishenException.badInput("status.feed.header-unknown-column", key);
        }
      }
      format.checkHeader(row.keySet().stream().map(JsonRowSource::column).toList(), false);
    }
    this.rows = rows.iterator();
  }

  /** {@code startsAt} -> {@code starts_at}. */
  static String column(String key) {
    var column = new StringBuilder(key.length() + 4);
    for (char c : key.toCharArray()) {
      if (Character.isUpperCase(c)) {
        column.append('_').append(Character.toLowerCase(c));
      } else {
        column.append(c);
      }
    }
    return column.toString();
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
        values.put(column(entry.getKey()), value.toString().strip());
      }
    }
    return new FeedRow(position, values, malformed ? "status.feed.row-malformed" : null);
  }
}
