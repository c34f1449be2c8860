package org.suishen.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.AuditAnchor;

/**
 * The file anchor ({@code suishen.audit.anchor.adapter: file}): appends the head's line to a file
 * and forces it to disk (fsync; the folder too when the file is new). The file is outside the
 * database, but on a machine of the same operators: ship it to a write-once store or use a
 * timestamping adapter in production (docs/audit.md).
 */
@Component
@ConditionalOnProperty(prefix = "suishen.audit.anchor", name = "adapter", havingValue = "file")
class FileAuditAnchor implements AuditAnchor {

  private final Path file;

  FileAuditAnchor(AnchorProperties properties) {
    this.file = properties.file().toAbsolutePath().normalize();
  }

  @Override
  public synchronized String publish(AnchoredHead head) {
    try {
      Path folder = file.getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      boolean created = !Files.exists(file);
      // a line torn by a crash is closed first, so that the new line stays readable
      String text = (endsMidLine() ? "\n" : "") + head.line() + "\n";
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      if (created && folder != null) {
        forceFolder(folder);
      }
      return "file:" + file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not append the audit chain head to " + file, e);
    }
  }

  private boolean endsMidLine() throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every platform can sync a folder; the file itself is synced
    }
  }
}
