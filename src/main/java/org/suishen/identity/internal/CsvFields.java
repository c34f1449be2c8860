package org.suishen.identity.internal;

/**
 * Splits one CSV line (RFC 4180: comma-separated, fields may be quoted with {@code "}, a quote
 * inside a quoted field is doubled). Fields are stripped of surrounding spaces. A line break inside
 * a quoted field is not supported: the register has none, and each line is one row.
 */
final class CsvFields {

  /** Marks a line whose quotes do not balance. */
  static final int UNBALANCED_QUOTES = -1;

  private final StringBuilder field = new StringBuilder(64);

  /**
   * Fills {@code fields} with the line's fields and returns how many the line has (which may exceed
   * the array's length: the extra ones are counted, not stored), or {@link #UNBALANCED_QUOTES}.
   */
  int split(String line, String[] fields) {
    int count = 0;
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (!closed) {
          return UNBALANCED_QUOTES;
        }
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          return UNBALANCED_QUOTES;
        }
        if (count < fields.length) {
          fields[count] = field.toString();
        }
      } else {
        int start = i;
        while (i < n && line.charAt(i) != ',') {
          if (line.charAt(i) == '"') {
            return UNBALANCED_QUOTES;
          }
          i++;
        }
        if (count < fields.length) {
          fields[count] = line.substring(start, i).strip();
        }
      }
      count++;
      if (i >= n) {
        return count;
      }
      i++; // the comma
    }
  }
}
