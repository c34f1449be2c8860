package org.suishen.healthcode.internal.scan;

import io.swagger.v3.oas.annotations.media.Schema;
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
  @Schema(name = "ScanLogEntry", description = "One scan of a person's code")
  public record Entry(
      Instant scannedAt,
      @Schema(description = "Who scanned it", example = "device:gate-xh-007") String scanner,
      @Schema(example = "venue-entry") @Nullable String purpose,
      @Schema(example = "徐汇区图书馆 东门") @Nullable String location,
      @Schema(description = "The decision's reason code", example = "ok") String result,
      @Schema(example = "LIVE") @Nullable String codeType,
      @Schema(description = "The colour at scan time", example = "GREEN")
          @Nullable String colour) {}
}
