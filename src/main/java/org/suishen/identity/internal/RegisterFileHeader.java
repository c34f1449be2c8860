package org.suishen.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.suishen.identity.RegisterImports;
import org.suishen.shared.problem.SuishenException;

/** The first line of a register file must name the columns, in order (a UTF-8 BOM is allowed). */
final class RegisterFileHeader {

  private static final String[] COLUMNS = RegisterImports.HEADER.split(",");
  private static final int MAX_HEADER = 4096;

  private RegisterFileHeader() {}

  /** Refuses an empty file, a wrong header or a header that is not UTF-8. */
  static void check(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        var lines = new CsvLineReader(new InputStreamReader(in, decoder()), MAX_HEADER)) {
      String header = lines.next();
      if (header == null || !matches(header)) {
        throw SuishenException.badInput(RegisterImportErrors.HEADER, RegisterImports.HEADER);
      }
    } catch (CharacterCodingException e) {
      throw SuishenException.badInput(RegisterImportErrors.ENCODING);
    }
  }

  static boolean matches(String line) {
    String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
    String[] names = header.split(",", -1);
    return names.length == COLUMNS.length
        && Arrays.stream(names)
            .map(n -> n.strip().replace("\"", "").toLowerCase(Locale.ROOT))
            .toList()
            .equals(Arrays.asList(COLUMNS));
  }

  static java.nio.charset.CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
