package org.suishen.identity.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
        + " (document_type TEXT NOT NULL, document_number TEXT NOT NULL, name TEXT NOT NULL,"
        + " name_normalised TEXT NOT NULL, sex CHAR(1) NOT NULL, birth_date DATE NOT NULL,"
        + " household_id TEXT, district TEXT, photo_file TEXT,"
        + " disability_certificate BOOLEAN NOT NULL)";
  }

  static String copy(String table) {
    return "COPY " + table + " FROM STDIN (FORMAT text)";
  }

  /**
   * New documents become persons with a fresh random id; known ones are updated only where
   * something changed, so re-importing a file changes nothing. Rows go in document order, so that
   * the document index is walked in order rather than at random (at city scale it does not fit in
   * memory). Answers (inserted, merged).
   */
  static String merge(String table) {
    return """
        WITH merged AS (
          INSERT INTO person AS p (id, document_type, document_number, name, name_normalised, sex,
              birth_date, household_id, district, photo_file, disability_certificate,
              registered_at, updated_at)
          SELECT gen_random_uuid(), s.document_type, s.document_number, s.name, s.name_normalised,
              s.sex, s.birth_date, s.household_id, s.district, s.photo_file,
              s.disability_certificate, :now, :now
          FROM %s s
          ORDER BY s.document_type COLLATE "C", s.document_number COLLATE "C"
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

  static String drop(String table) {
    return "DROP TABLE " + table;
  }

  /** Writes rows in COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
  static final class RowWriter implements Closeable {

    private final java.io.Writer out;

    RowWriter(OutputStream copy) {
      this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    void write(RegisterRow row) throws IOException {
      field(row.document().type().name());
      tab();
      field(row.document().number());
      tab();
      field(row.name());
      tab();
      field(row.nameNormalised());
      tab();
      out.write(row.sex() == org.suishen.identity.Sex.MALE ? 'M' : 'F');
      tab();
      out.write(row.birthDate().toString());
      tab();
      field(row.householdId());
      tab();
      field(row.district());
      tab();
      field(row.photoFile());
      tab();
      out.write(row.disabilityCertificate() ? 't' : 'f');
      out.write('\n');
    }

    private void tab() throws IOException {
      out.write('\t');
    }

    private void field(@Nullable String value) throws IOException {
      if (value == null) {
        out.write("\\N");
        return;
      }
      int plainFrom = 0;
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        String escape =
            switch (c) {
              case '\\' -> "\\\\";
              case '\t' -> "\\t";
              case '\n' -> "\\n";
              case '\r' -> "\\r";
              default -> null;
            };
        if (escape != null) {
          out.write(value, plainFrom, i - plainFrom);
          out.write(escape);
          plainFrom = i + 1;
        }
      }
      out.write(value, plainFrom, value.length() - plainFrom);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
