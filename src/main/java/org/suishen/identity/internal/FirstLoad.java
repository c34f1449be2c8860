package org.suishen.identity.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first load of an empty register (a city's 25 million people at once), done the way a database
 * restore does it: the table is locked, its indexes and the constraints that no foreign key depends
 * on are dropped, the checked rows are COPYed straight into {@code person}, and the indexes are
 * built again in one sorted pass each — several times cheaper than a staging table and a merge that
 * maintains every index row by row. All inside the import's one transaction: a failure rolls back
 * the rows and restores the indexes. No ON CONFLICT is needed: the register is empty and locked,
 * and duplicates in the file were refused while it was read.
 */
final class FirstLoad {

  /** Registration times come from column defaults set for the load (one value, no parsing). */
  static final String COPY =
      "COPY person (id, document_type, document_number, name, name_normalised, sex, birth_date,"
          + " household_id, district, photo_file, disability_certificate) FROM STDIN (FORMAT binary)";

  private final JdbcClient jdbc;
  private final List<String> rebuild = new ArrayList<>();

  FirstLoad(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the register over if it is empty: waits for other imports' merges, locks {@code person}
   * until the end of the transaction, drops its indexes and makes {@code loadedAt} the default
   * registration time. False (and nothing changed) if the register holds anyone.
   */
  boolean begin(int mergeLockClass, OffsetDateTime loadedAt) {
    if (!empty()) {
      return false;
    }
    jdbc.sql("SELECT pg_advisory_xact_lock(?, 0)").param(mergeLockClass).query().listOfRows();
    jdbc.sql("LOCK TABLE person IN ACCESS EXCLUSIVE MODE").update();
    if (!empty()) {
      return false;
    }
    for (var constraint :
        jdbc.sql(
                "SELECT quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition"
                    + " FROM pg_constraint c WHERE c.conrelid = 'person'::regclass"
                    + " AND c.contype IN ('p', 'u') AND NOT EXISTS (SELECT 1 FROM pg_constraint f"
                    + " WHERE f.contype = 'f' AND f.conindid = c.conindid)")
            .query()
            .listOfRows()) {
      jdbc.sql("ALTER TABLE person DROP CONSTRAINT " + constraint.get("name")).update();
      rebuild.add(
          "ALTER TABLE person ADD CONSTRAINT "
              + constraint.get("name")
              + " "
              + constraint.get("definition"));
    }
    for (var index :
        jdbc.sql(
                "SELECT quote_ident(i.relname) AS name, pg_get_indexdef(i.oid) AS definition"
                    + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                    + " WHERE x.indrelid = 'person'::regclass AND NOT EXISTS"
                    + " (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)")
            .query()
            .listOfRows()) {
      jdbc.sql("DROP INDEX " + index.get("name")).update();
      rebuild.add((String) index.get("definition"));
    }
    for (String column : new String[] {"registered_at", "updated_at"}) {
      String before =
          jdbc.sql(
                  "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
                      + " ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                      + " WHERE d.adrelid = 'person'::regclass AND a.attname = ?")
              .param(column)
              .query(String.class)
              .optional()
              .orElse(null);
      jdbc.sql(
              "ALTER TABLE person ALTER COLUMN "
                  + column
                  + " SET DEFAULT '"
                  + loadedAt
                  + "'::timestamptz")
          .update();
      rebuild.add(
          "ALTER TABLE person ALTER COLUMN "
              + column
              + (before == null ? " DROP DEFAULT" : " SET DEFAULT " + before));
    }
    return true;
  }

  /** Builds the dropped indexes and constraints again. */
  void finish() {
    jdbc.sql("SET LOCAL maintenance_work_mem = '512MB'").update();
    for (String statement : rebuild) {
      jdbc.sql(statement).update();
    }
  }

  private boolean empty() {
    return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM person)").query(Boolean.class).single();
  }
}
