package org.suishen.sampling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.suishen.shared.problem.SuishenException;

/**
 * A lab's result file: RFC 4180 CSV in UTF-8 (a byte-order mark is skipped) with the header {@code
 * tubeBarcode,result} (any case, any order, more columns ignored). A file that is not such a CSV is
 * refused whole, before anything is written ({@code sampling.results.csv-malformed} with the line).
 */
final class ResultsCsv {

  private ResultsCsv() {}

  static List<ResultRow> parse(InputStream body, int maxRows) {
    Reader reader =
        new InputStreamReader(
            body,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser =
        CSVParser.builder().setReader(skipBom(reader)).setFormat(format).get()) {
      var columns = parser.getHeaderMap().keySet().stream().map(String::toLowerCase).toList();
      if (!columns.contains("tubebarcode") || !columns.contains("result")) {
        throw SuishenException.badInput("sampling.results.csv-header", "tubeBarcode,result");
      }
      String barcodeColumn = name(parser, "tubebarcode");
      String resultColumn = name(parser, "result");
      var rows = new ArrayList<ResultRow>();
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          throw SuishenException.badInput("sampling.results.too-many", maxRows);
        }
        int line = (int) record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
          throw SuishenException.badInput("sampling.results.csv-malformed", line);
        }
        rows.add(new ResultRow(line, record.get(barcodeColumn), record.get(resultColumn)));
      }
      return rows;
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw SuishenException.badInput("sampling.results.csv-encoding");
      }
      throw SuishenException.badInput("sampling.results.csv-malformed", lineOf(e));
    } catch (CharacterCodingException e) {
      throw SuishenException.badInput("sampling.results.csv-encoding");
    } catch (IOException e) {
      throw SuishenException.badInput("sampling.results.csv-malformed", 1);
    }
  }

  private static String name(CSVParser parser, String lower) {
    return parser.getHeaderNames().stream()
        .filter(n -> n.equalsIgnoreCase(lower))
        .findFirst()
        .orElseThrow();
  }

  private static Reader skipBom(Reader reader) throws IOException {
    var pushback = new java.io.PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  /** Commons CSV names the line in its message ("... (line 7) ..."); else the first. */
  private static int lineOf(RuntimeException e) {
    var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }
}
