package org.suishen.identity.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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

  /**
   * Refuses an empty file, a wrong header or a header that is not UTF-8. Reads the first line only:
   * the rest is checked row by row by the import.
   */
  static void check(Path file) throws IOException {
    var header = new ByteArrayOutputStream();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int b;
      while ((b = in.read()) >= 0 && b != '\n' && header.size() < MAX_HEADER) {
        header.write(b);
      }
    }
    String line;
    try {
      line = decoder().decode(ByteBuffer.wrap(header.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw SuishenException.badInput(RegisterImportErrors.ENCODING);
    }
    if (!matches(line.strip())) {
      throw SuishenException.badInput(RegisterImportErrors.HEADER, RegisterImports.HEADER);
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
