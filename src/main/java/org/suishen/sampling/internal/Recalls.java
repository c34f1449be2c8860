package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People recalled by a result: a positive pooled tube's people for a single-tube retest, an invalid
 * tube's people to be sampled again. The authority lists them per community of the sampling site
 * (where they were sampled, never their home address); a result of a later sample settles them.
 */
@Component
public class Recalls {

  /** Why a person is called back. */
  public enum Kind {
    RETEST,
    RESAMPLE
  }

  record Recall(LabResults.Member member, Kind kind) {}

  /** An open recall as the authority's list shows it (the person masked by the caller). */
  public record Open(
      UUID personId,
      @Nullable UUID guardianPersonId,
      String tubeBarcode,
      Kind kind,
      Instant sampledAt,
      Instant recalledAt,
      String siteCode,
      String siteName,
      String district,
      String street,
      String community) {}

  /** How many are open in one community. */
  public record CommunityCount(String district, String street, String community, int open) {}

  private final JdbcClient jdbc;

  Recalls(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void recall(List<Recall> recalls, Instant now) {
    if (recalls.isEmpty()) {
      return;
    }
    jdbc.sql(
            "INSERT INTO sampling_recall (person_id, tube_barcode, kind, sampled_at, site_code,"
                + " guardian_person_id, recalled_at) SELECT p, b, k, s::timestamptz, c, g, ?"
                + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[])"
                + " AS v(p, b, k, s, c, g) ON CONFLICT DO NOTHING")
        .param(Timestamp.from(now))
        .param(recalls.stream().map(r -> r.member().personId()).toArray(UUID[]::new))
        .param(recalls.stream().map(r -> r.member().tubeBarcode()).toArray(String[]::new))
        .param(recalls.stream().map(r -> r.kind().name()).toArray(String[]::new))
        .param(recalls.stream().map(r -> r.member().sampledAt().toString()).toArray(String[]::new))
        .param(recalls.stream().map(r -> r.member().siteCode()).toArray(String[]::new))
        .param(recalls.stream().map(r -> r.member().guardianPersonId()).toArray(UUID[]::new))
        .update();
  }

  /** Settles the open recalls these people's later samples answer. */
  void settle(List<LabResults.Member> resulted, Instant now) {
    if (resulted.isEmpty()) {
      return;
    }
    jdbc.sql(
            "UPDATE sampling_recall r SET settled_at = ? FROM unnest(?::uuid[], ?::text[]) AS v(p, s)"
                + " WHERE r.settled_at IS NULL AND r.person_id = v.p"
                + " AND r.sampled_at < v.s::timestamptz")
        .param(Timestamp.from(now))
        .param(resulted.stream().map(LabResults.Member::personId).toArray(UUID[]::new))
        .param(resulted.stream().map(m -> m.sampledAt().toString()).toArray(String[]::new))
        .update();
  }

  /** Open recalls per community, most first. */
  public List<CommunityCount> openPerCommunity() {
    return jdbc.sql(
            "SELECT s.district, s.street, s.community, count(*) FROM sampling_recall r"
                + " JOIN sampling_site s ON s.code = r.site_code WHERE r.settled_at IS NULL"
                + " GROUP BY s.district, s.street, s.community ORDER BY count(*) DESC, 1, 2, 3")
        .query(
            (rs, n) ->
                new CommunityCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
  }

  /** The open recalls of one community, oldest first, at most {@code limit}. */
  public List<Open> openIn(String community, int limit) {
    return jdbc.sql(
            "SELECT r.person_id, r.guardian_person_id, r.tube_barcode, r.kind, r.sampled_at,"
                + " r.recalled_at, s.code, s.name, s.district, s.street, s.community"
                + " FROM sampling_recall r JOIN sampling_site s ON s.code = r.site_code"
                + " WHERE r.settled_at IS NULL AND s.community = ?"
                + " ORDER BY r.recalled_at, r.person_id LIMIT ?")
        .params(community, limit)
        .query(
            (rs, n) ->
                new Open(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    Kind.valueOf(rs.getString(4)),
                    rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(6).toInstant(),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11)))
        .list();
  }
}
