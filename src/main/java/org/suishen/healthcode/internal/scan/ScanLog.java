package org.suishen.healthcode.internal.scan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the scan log for auditors: who scanned a person's code, newest first. */
@Repository
public class ScanLog {

  private final JdbcClient jdbc;

  ScanLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Entry> forPerson(UUID personId, @Nullable Instant before, int limit) {
    return jdbc.sql(
            "SELECT scanned_at, scanner, purpose, location, result, code_type, colour"
                + " FROM scan_record WHERE person_id = ? AND scanned_at < ?"
                + " ORDER BY scanned_at DESC LIMIT ?")
        .param(personId)
        .param(Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before))
        .param(limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getTimestamp("scanned_at").toInstant(),
                    rs.getString("scanner"),
                    rs.getString("purpose"),
                    rs.getString("location"),
                    rs.getString("result"),
                    rs.getString("code_type"),
                    rs.getString("colour")))
        .list();
  }

  /** One scan of the person's code. */
  public record Entry(
      Instant scannedAt,
      String scanner,
      @Nullable String purpose,
      @Nullable String location,
      String result,
      @Nullable String codeType,
      @Nullable String colour) {}
}
