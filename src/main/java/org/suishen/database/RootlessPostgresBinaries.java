package org.suishen.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * PostgreSQL refuses to run as root, and CI machines and containers often build as root. When the
 * JVM runs as root, this resolver hands zonky a copy of its PostgreSQL archive in which {@code
 * initdb} and {@code pg_ctl} are small scripts that start the real programs in a fresh user
 * namespace ({@code unshare -U}), where they run as the unprivileged overflow user; files stay
 * owned by the real user. For any other user the archive is passed through untouched.
 */
final class RootlessPostgresBinaries implements PgBinaryResolver {

  private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");

  private static final String WRAPPER =
      """
      #!/bin/sh
      # PostgreSQL will not run as root: run the real program as an unprivileged user namespace member.
      if [ "$(id -u)" = "0" ]; then exec unshare -U "$0.real" "$@"; fi
      exec "$0.real" "$@"
      """;

  private final Path cacheDirectory;

  RootlessPostgresBinaries(Path cacheDirectory) {
    this.cacheDirectory = cacheDirectory;
  }

  static boolean runningAsRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    var original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    if (!runningAsRoot()) {
      return original;
    }
    byte[] archive;
    try (original) {
      archive = original.readAllBytes();
    }
    Path patched = cacheDirectory.resolve("postgres-rootless-" + digest(archive) + ".txz");
    if (!Files.exists(patched)) {
      Files.createDirectories(cacheDirectory);
      Path partial = Files.createTempFile(cacheDirectory, "postgres-rootless", ".partial");
      try (OutputStream out = Files.newOutputStream(partial)) {
        repack(archive, out);
      }
      Files.move(
          partial, patched, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return new BufferedInputStream(Files.newInputStream(patched));
  }

  private static void repack(byte[] archive, OutputStream target) throws IOException {
    try (var in = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)));
        var out = new TarArchiveOutputStream(new XZOutputStream(target, new LZMA2Options(1)))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name =
            entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (WRAPPED.contains(name)) {
          var real = new TarArchiveEntry(entry.getName() + ".real");
          real.setMode(entry.getMode());
          real.setSize(entry.getSize());
          out.putArchiveEntry(real);
          in.transferTo(out);
          out.closeArchiveEntry();
          byte[] script = WRAPPER.getBytes(StandardCharsets.US_ASCII);
          var wrapper = new TarArchiveEntry(entry.getName());
          wrapper.setMode(0755);
          wrapper.setSize(script.length);
          out.putArchiveEntry(wrapper);
          out.write(script);
          out.closeArchiveEntry();
        } else {
          out.putArchiveEntry(entry);
          if (!entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink()) {
            in.transferTo(out);
          }
          out.closeArchiveEntry();
        }
      }
    }
  }

  private static String digest(byte[] bytes) {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(sha, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
