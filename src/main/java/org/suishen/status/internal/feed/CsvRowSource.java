package org.suishen.status.internal.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * RFC 4180 CSV in UTF-8 (a byte-order mark is skipped): a header line naming the columns, then one
 * record per line; fields may be quoted with {@code "} (a quote inside is doubled). Column names
 * are matched case-insensitively; blank lines are skipped. A record may not span lines.
 */
final class CsvRowSource implements RowSource {

  private final BufferedReader reader;
  private final List<String> header;
  private int line;

  CsvRowSource(InputStream input, FeedFormat format) throws IOException {
    this.reader =
        new BufferedReader(
            new InputStreamReader(
                input,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    String first = nextLine();
    while (first != null && first.isBlank()) {
      first = nextLine();
    }
    if (first == null) {
      throw SuishenException.badInput("status.feed.empty");
    }
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1);
    }
    List<String> names = split(first);
    if (names == null) {
      throw SuishenException.badInput("status.feed.header-malformed");
    }
    this.header = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    format.checkHeader(header);
    if (new HashSet<>(header).size() != header.size()) {
      throw SuishenException.badInput("status.feed.header-duplicate-column");
    }
  }

  @Override
  public @Nullable FeedRow next() throws IOException {
    String text = nextLine();
    while (text != null && text.isBlank()) {
      text = nextLine();
    }
    if (text == null) {
      return null;
    }
    List<String> fields = split(text);
    if (fields == null || fields.size() != header.size()) {
      return new FeedRow(line, Map.of(), "status.feed.row-malformed");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      String value = fields.get(i).strip();
      if (!value.isEmpty()) {
        values.put(header.get(i), value);
      }
    }
    return new FeedRow(line, values, null);
  }

  private @Nullable String nextLine() throws IOException {
    String text;
    try {
      text = reader.readLine();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw SuishenException.badInput("status.feed.encoding");
    }
    if (text != null) {
      line++;
    }
    return text;
  }

  /** The fields of one line, or {@code null} if its quotes are unbalanced. */
  static @Nullable List<String> split(String text) {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        if (wasQuoted || !field.toString().isBlank()) {
          return null;
        }
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        return null;
      } else if (c != '\r' || i != text.length() - 1) {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
