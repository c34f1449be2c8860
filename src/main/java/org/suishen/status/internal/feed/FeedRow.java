package org.suishen.status.internal.feed;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a feed: its line in the file (or position in a JSON array, from 1), its values by
 * column name (blank values are absent), or why it could not be read at all.
 */
record FeedRow(int line, Map<String, String> values, @Nullable String malformed) {

  @Nullable String get(String column) {
    return values.get(column);
  }

  String required(String column) throws RowRejected {
    String value = values.get(column);
    if (value == null) {
      throw new RowRejected("status.feed.value-missing");
    }
    return value;
  }
}
