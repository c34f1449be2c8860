package org.suishen.shared.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The regular and bold faces of the print font, loaded once. Both are embedded as subsets (only the
 * glyphs a sheet uses travel with it) with Identity-H encoding, so Chinese never depends on the
 * reader's fonts. By default the faces are Noto Sans SC (SIL OFL 1.1), put on the class path under
 * {@code fonts/} by the build; {@link PrintFontProperties} may name other TrueType files.
 */
public final class PrintFonts {

  static final String BUNDLED_REGULAR = "fonts/NotoSansSC-Regular.ttf";
  static final String BUNDLED_BOLD = "fonts/NotoSansSC-Bold.ttf";

  private final BaseFont regular;
  private final BaseFont bold;

  private PrintFonts(BaseFont regular, BaseFont bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /** The faces bundled by the build. */
  public static PrintFonts bundled() {
    return new PrintFonts(fromClassPath(BUNDLED_REGULAR), fromClassPath(BUNDLED_BOLD));
  }

  /** Faces from the given settings: a blank file name means the bundled face. */
  public static PrintFonts of(PrintFontProperties properties) {
    return new PrintFonts(
        properties.regular().isBlank()
            ? fromClassPath(BUNDLED_REGULAR)
            : fromFile(properties.regular()),
        properties.bold().isBlank() ? fromClassPath(BUNDLED_BOLD) : fromFile(properties.bold()));
  }

  public BaseFont regular() {
    return regular;
  }

  public BaseFont bold() {
    return bold;
  }

  private static BaseFont fromClassPath(String resource) {
    try (InputStream in = PrintFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The print font "
                + resource
                + " is not on the class path: build with ./mvnw (it fetches the font), or set"
                + " suishen.print.fonts.regular and suishen.print.fonts.bold");
      }
      return create(resource, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the print font " + resource, e);
    }
  }

  private static BaseFont fromFile(String file) {
    try {
      return create(file, Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the print font " + file + " (suishen.print.fonts.*)", e);
    }
  }

  private static BaseFont create(String name, byte[] bytes) {
    try {
      // cached = false: the bytes are ours; BaseFont's own cache would key them by name only
      BaseFont font =
          BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
      font.setSubset(true);
      return font;
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("Cannot load the print font " + name, e);
    }
  }
}
