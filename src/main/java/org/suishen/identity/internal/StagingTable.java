package org.suishen.identity.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The unlogged table into which one import COPYs its valid rows before they are merged into {@code
 * person}, and the writer of PostgreSQL's COPY text format for it. Created and dropped inside the
 * import's transaction, so a failure leaves nothing behind.
 */
final class StagingTable {

  private StagingTable() {}

  static String name(UUID importId) {
    return "register_staging_" + importId.toString().replace("-", "");
  }

  static String create(String table) {
    return "CREATE UNLOGGED TABLE "
        + table
        + " (id UUID NOT NULL, document_type TEXT NOT NULL, document_number TEXT NOT NULL, name TEXT NOT NULL,"
        + " name_normalised TEXT NOT NULL, sex CHAR(1) NOT NULL, birth_date DATE NOT NULL,"
        + " household_id TEXT, district TEXT, photo_file TEXT,"
        + " disability_certificate BOOLEAN NOT NULL)";
  }

  static String copy(String table) {
    return "COPY " + table + " FROM STDIN (FORMAT text)";
  }

  /**
   * New documents become persons with a fresh random id; known ones are updated only where
   * something changed, so re-importing a file changes nothing. Rows identical to the register are
   * left out before the insert (one hash anti-join instead of locking every unchanged row); the ON
   * CONFLICT condition still guards against anything that changed meanwhile. Rows go in file order:
   * registers list households together, which keeps the household index warm. Answers (inserted,
   * merged).
   */
  static String merge(String table) {
    return """
        WITH merged AS (
          INSERT INTO person AS p (id, document_type, document_number, name, name_normalised, sex,
              birth_date, household_id, district, photo_file, disability_certificate,
              registered_at, updated_at)
          SELECT s.id, s.document_type, s.document_number, s.name, s.name_normalised,
              s.sex, s.birth_date, s.household_id, s.district, s.photo_file,
              s.disability_certificate, :now, :now
          FROM %1$s s
          WHERE NOT EXISTS (
            SELECT 1 FROM person q
            WHERE q.document_number = s.document_number AND q.document_type = s.document_type
              AND (q.name, q.name_normalised, q.sex, q.birth_date, q.household_id, q.district,
                   q.photo_file, q.disability_certificate)
                  IS NOT DISTINCT FROM
                  (s.name, s.name_normalised, s.sex, s.birth_date, s.household_id, s.district,
                   s.photo_file, s.disability_certificate))
          ON CONFLICT (document_type, document_number) DO UPDATE SET
              name = EXCLUDED.name, name_normalised = EXCLUDED.name_normalised,
              sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
              household_id = EXCLUDED.household_id, district = EXCLUDED.district,
              photo_file = EXCLUDED.photo_file,
              disability_certificate = EXCLUDED.disability_certificate,
              updated_at = EXCLUDED.updated_at
          WHERE (p.name, p.name_normalised, p.sex, p.birth_date, p.household_id, p.district,
                 p.photo_file, p.disability_certificate)
                IS DISTINCT FROM
                (EXCLUDED.name, EXCLUDED.name_normalised, EXCLUDED.sex, EXCLUDED.birth_date,
                 EXCLUDED.household_id, EXCLUDED.district, EXCLUDED.photo_file,
                 EXCLUDED.disability_certificate)
          RETURNING (p.xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) AS merged FROM merged
        """
        .formatted(table);
  }

  /** Statistics for the planner, which otherwise knows nothing of a table filled a moment ago. */
  static String analyze(String table) {
    return "ANALYZE " + table;
  }

  static String drop(String table) {
    return "DROP TABLE " + table;
  }

  /**
   * Writes rows in COPY text format (a new random id first): tab-separated, {@code \N} for null,
   * backslash escapes. Works on UTF-8 bytes: the bytes of a multi-byte character are all above
   * 0x7F, so escaping byte by byte is safe.
   */
  static final class RowWriter implements Closeable {

    private final OutputStream out;
    private final RandomIds ids;
    private final byte[] suffix;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private boolean closed;

    RowWriter(OutputStream copy, RandomIds ids) {
      this(copy, ids, "");
    }

    /**
     * Starts each row with a new random id and appends {@code suffix} (further tab-separated
     * columns, the same for every row).
     */
    RowWriter(OutputStream copy, RandomIds ids, String suffix) {
      this.out = copy;
      this.ids = ids;
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
    }

    void write(RegisterRow row) throws IOException {
      if (length > buffer.length - 4096) {
        flush();
      }
      ids.write(buffer, length);
      length += 36;
      tab();
      ascii(row.document().type().name());
      tab();
      field(row.document().number());
      tab();
      field(row.name());
      tab();
      field(row.nameNormalised());
      tab();
      put(row.sex() == org.suishen.identity.Sex.MALE ? 'M' : 'F');
      tab();
      ascii(row.birthDate().toString());
      tab();
      field(row.householdId());
      tab();
      field(row.district());
      tab();
      field(row.photoFile());
      tab();
      put(row.disabilityCertificate() ? 't' : 'f');
      System.arraycopy(suffix, 0, buffer, length, suffix.length);
      length += suffix.length;
      put('\n');
    }

    private void tab() {
      put('\t');
    }

    private void put(char c) {
      buffer[length++] = (byte) c;
    }

    private void ascii(String value) {
      for (int i = 0; i < value.length(); i++) {
        buffer[length++] = (byte) value.charAt(i);
      }
    }

    private void field(@Nullable String value) throws IOException {
      if (value == null) {
        put('\\');
        put('N');
        return;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      if (length + bytes.length * 2 + 64 > buffer.length) {
        flush();
      }
      for (byte b : bytes) {
        switch (b) {
          case '\\' -> {
            put('\\');
            put('\\');
          }
          case '\t' -> {
            put('\\');
            put('t');
          }
          case '\n' -> {
            put('\\');
            put('n');
          }
          case '\r' -> {
            put('\\');
            put('r');
          }
          default -> buffer[length++] = b;
        }
      }
    }

    private void flush() throws IOException {
      out.write(buffer, 0, length);
      length = 0;
    }

    /** Sends the rest and ends the COPY; closing twice does nothing. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      flush();
      out.close();
    }
  }
}
