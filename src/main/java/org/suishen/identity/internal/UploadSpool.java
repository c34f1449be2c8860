package org.suishen.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.SuishenException;

/**
 * Uploaded register files wait in the work directory (owner-only files) while they are imported.
 */
final class UploadSpool {

  private static final Logger log = LoggerFactory.getLogger(UploadSpool.class);

  private final IdentityProperties.RegisterImport settings;

  UploadSpool(IdentityProperties.RegisterImport settings) {
    this.settings = settings;
  }

  /** Stores the upload; refuses one over {@code max-file-size} with {@code request.too-large}. */
  Path spool(InputStream upload) throws IOException {
    Files.createDirectories(settings.workDirectory());
    Path file = Files.createTempFile(settings.workDirectory(), "register-", ".csv");
    long limit = settings.maxFileSize().toBytes();
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = upload.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new SuishenException("request.too-large", HttpStatus.CONTENT_TOO_LARGE);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  /** The file name as shown: the last path segment, printable, at most 200 characters. */
  static String clean(@Nullable String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    return name.isEmpty() ? "register.csv" : name;
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the uploaded register file {}", file.getFileName());
    }
  }
}
