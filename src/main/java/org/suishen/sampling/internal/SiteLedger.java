package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.shared.security.Actor;

/**
 * What a site lead keeps track of during the day: the site's tubes (open, sealed, in which box,
 * resulted) and its boxes until the lab has them.
 */
@Component
public class SiteLedger {

  /** A tube of the site, as the lead's list shows it. */
  public record TubeLine(
      String barcode,
      int capacity,
      int members,
      boolean sealed,
      @Nullable String boxBarcode,
      @Nullable String result,
      Instant openedAt) {

    /** Sealed and in no box yet: ready to pack. */
    public boolean toPack() {
      return sealed && boxBarcode == null;
    }
  }

  /** A box of the site not yet received by a lab. */
  public record BoxLine(
      String barcode,
      int tubes,
      Instant packedAt,
      @Nullable Instant handedAt,
      @Nullable String courier) {}

  /** The day's ledger of the caller's site. */
  public record Day(Site site, List<TubeLine> tubes, List<BoxLine> boxes) {}

  private static final int LIMIT = 500;

  private final JdbcClient jdbc;
  private final SamplingSites sites;
  private final Clock clock;

  SiteLedger(JdbcClient jdbc, SamplingSites sites, Clock clock) {
    this.jdbc = jdbc;
    this.sites = sites;
    this.clock = clock;
  }

  public Day today(Actor actor) {
    Site site = sites.siteOf(actor);
    Timestamp from = Timestamp.from(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant());
    List<TubeLine> tubes =
        jdbc.sql(
                "SELECT t.barcode, t.capacity, t.members, t.sealed_at IS NOT NULL, b.box_barcode,"
                    + " t.result, t.opened_at FROM tube t LEFT JOIN box_tube b ON b.tube_barcode ="
                    + " t.barcode WHERE t.site_code = ? AND (t.opened_at >= ? OR (t.sealed_at IS"
                    + " NOT NULL AND b.box_barcode IS NULL)) ORDER BY t.sealed_at IS NOT NULL,"
                    + " t.opened_at DESC LIMIT ?")
            .params(site.code(), from, LIMIT)
            .query(
                (rs, n) ->
                    new TubeLine(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
            .list();
    List<BoxLine> boxes =
        jdbc.sql(
                "SELECT x.barcode, (SELECT count(*) FROM box_tube b WHERE b.box_barcode ="
                    + " x.barcode), x.packed_at, x.handed_at, x.courier FROM transfer_box x"
                    + " WHERE x.site_code = ? AND x.received_at IS NULL ORDER BY x.packed_at DESC"
                    + " LIMIT ?")
            .params(site.code(), LIMIT)
            .query(
                (rs, n) -> {
                  Timestamp handed = rs.getTimestamp(4);
                  return new BoxLine(
                      rs.getString(1),
                      rs.getInt(2),
                      rs.getTimestamp(3).toInstant(),
                      handed == null ? null : handed.toInstant(),
                      rs.getString(5));
                })
            .list();
    return new Day(site, tubes, boxes);
  }
}
