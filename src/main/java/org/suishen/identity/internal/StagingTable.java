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
    return "COPY " + table + " FROM STDIN (FORMAT binary)";
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
   * Writes rows in PostgreSQL's binary COPY format, a new random id first: the database takes the
   * values as they are (16-byte ids, day numbers, UTF-8 bytes) instead of parsing text, and nothing
   * needs escaping. Columns: id, document_type, document_number, name, name_normalised, sex,
   * birth_date, household_id, district, photo_file, disability_certificate.
   */
  static final class RowWriter implements Closeable {

    static final int COLUMNS = 11;
    private static final byte[] SIGNATURE = {
      'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
    };

    /** PostgreSQL counts dates in days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = java.time.LocalDate.of(2000, 1, 1).toEpochDay();

    private final OutputStream out;
    private final RandomIds ids;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private boolean closed;

    RowWriter(OutputStream copy, RandomIds ids) {
      this.out = copy;
      this.ids = ids;
      System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
      length = SIGNATURE.length;
      int32(0); // flags
      int32(0); // header extension length
    }

    void write(RegisterRow row) throws IOException {
      if (length > buffer.length - 4096) {
        flush();
      }
      int16(COLUMNS);
      int32(16);
      ids.write(buffer, length);
      length += 16;
      text(row.document().type().name());
      text(row.document().number());
      text(row.name());
      text(row.nameNormalised());
      int32(1);
      buffer[length++] = (byte) (row.sex() == org.suishen.identity.Sex.MALE ? 'M' : 'F');
      int32(4);
      int32((int) (row.birthDate().toEpochDay() - POSTGRES_EPOCH_DAY));
      text(row.householdId());
      text(row.district());
      text(row.photoFile());
      int32(1);
      buffer[length++] = (byte) (row.disabilityCertificate() ? 1 : 0);
    }

    private void text(@Nullable String value) throws IOException {
      if (value == null) {
        int32(-1);
        return;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      if (length + bytes.length + 64 > buffer.length) {
        flush();
      }
      int32(bytes.length);
      System.arraycopy(bytes, 0, buffer, length, bytes.length);
      length += bytes.length;
    }

    private void int16(int value) {
      buffer[length++] = (byte) (value >>> 8);
      buffer[length++] = (byte) value;
    }

    private void int32(int value) {
      buffer[length++] = (byte) (value >>> 24);
      buffer[length++] = (byte) (value >>> 16);
      buffer[length++] = (byte) (value >>> 8);
      buffer[length++] = (byte) value;
    }

    private void flush() throws IOException {
      out.write(buffer, 0, length);
      length = 0;
    }

    /** Sends the rest and the trailer and ends the COPY; closing twice does nothing. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      int16(-1);
      flush();
      out.close();
    }
  }
}
