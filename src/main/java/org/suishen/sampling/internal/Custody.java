package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * The chain of custody (S4): sealed tubes packed into a transfer box at their site, the box handed
 * to transport, received by a lab that checks the tubes against the box's list. Each step records
 * who, where and when and is audited; what the lab finds missing, extra or damaged is recorded and
 * answered, never silently dropped.
 */
@Component
public class Custody {

  static final String PACKED = "sampling.box.packed";
  static final String HANDED = "sampling.box.handed-over";
  static final String RECEIVED = "sampling.box.received";

  static final int MAX_TUBES = 1000;
  private static final int MAX_COURIER = 100;

  private final JdbcClient jdbc;
  private final SamplingSites sites;
  private final Labs labs;
  private final AuditTrail audit;
  private final Clock clock;

  Custody(JdbcClient jdbc, SamplingSites sites, Labs labs, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.sites = sites;
    this.labs = labs;
    this.audit = audit;
    this.clock = clock;
  }

  /** A box and its list. */
  public record Box(
      String barcode,
      String siteCode,
      List<String> tubeBarcodes,
      Instant packedAt,
      @Nullable Instant handedAt,
      @Nullable String courier,
      @Nullable Instant receivedAt) {}

  /** What the lab's receipt found. */
  public record Receipt(
      String boxBarcode,
      List<String> tubeBarcodes,
      List<String> missingTubeBarcodes,
      List<String> extraTubeBarcodes,
      List<String> damagedTubeBarcodes,
      Instant receivedAt) {}

  @Transactional
  public Box pack(@Nullable String barcode, @Nullable List<String> tubeBarcodes, Actor actor) {
    BoxBarcode box =
        BoxBarcode.parse(barcode)
            .orElseThrow(() -> SuishenException.badInput("sampling.box.barcode-invalid"));
    Set<String> tubes = tubeList(tubeBarcodes, true);
    Site site = sites.siteOf(actor);
    Instant now = clock.instant();
    int inserted =
        jdbc.sql(
                "INSERT INTO transfer_box (barcode, site_code, packed_at, packed_by)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (barcode) DO NOTHING")
            .params(box.value(), site.code(), Timestamp.from(now), actor.toString())
            .update();
    if (inserted == 0) {
      throw SuishenException.conflict("sampling.box.used", box.value());
    }
    for (String tube : tubes) {
      var row =
          jdbc.sql(
                  "SELECT site_code, sealed_at IS NOT NULL AS sealed FROM tube WHERE barcode = ?"
                      + " FOR UPDATE")
              .param(tube)
              .query()
              .listOfRows();
      if (row.isEmpty()) {
        throw SuishenException.notFound("sampling.box.tube-unknown", tube);
      }
      if (!site.code().equals(row.getFirst().get("site_code"))) {
        throw SuishenException.forbidden("sampling.tube.other-site", tube);
      }
      if (!Boolean.TRUE.equals(row.getFirst().get("sealed"))) {
        throw SuishenException.conflict("sampling.box.tube-open", tube);
      }
      int packed =
          jdbc.sql(
                  "INSERT INTO box_tube (tube_barcode, box_barcode) VALUES (?, ?)"
                      + " ON CONFLICT (tube_barcode) DO NOTHING")
              .params(tube, box.value())
              .update();
      if (packed == 0) {
        throw SuishenException.conflict("sampling.box.tube-packed", tube);
      }
    }
    audit.record(
        AuditEvent.of(
            actor, PACKED, null, "box " + box.value() + " with " + tubes.size() + " tubes"));
    return box(box.value());
  }

  @Transactional
  public Box handOver(String barcode, @Nullable String courier, Actor actor) {
    String box = lockBox(barcode);
    String who = courier == null ? "" : courier.strip();
    if (who.isEmpty() || who.length() > MAX_COURIER) {
      throw SuishenException.badInput("sampling.box.courier-required", MAX_COURIER);
    }
    Box current = box(box);
    if (!current.siteCode().equals(sites.siteOf(actor).code())) {
      throw SuishenException.forbidden("sampling.box.other-site", box);
    }
    if (current.handedAt() != null) {
      throw SuishenException.conflict("sampling.box.handed-over", box);
    }
    jdbc.sql("UPDATE transfer_box SET handed_at = ?, handed_by = ?, courier = ? WHERE barcode = ?")
        .params(Timestamp.from(clock.instant()), actor.toString(), who, box)
        .update();
    audit.record(AuditEvent.of(actor, HANDED, null, "box " + box + " to " + who));
    return box(box);
  }

  /**
   * The lab scans what arrived: tubes on the list are received (damaged ones marked), tubes on the
   * list not scanned are missing, tubes scanned not on the list are extra.
   */
  @Transactional
  public Receipt receive(
      String barcode, @Nullable List<String> scanned, @Nullable List<String> damaged, Actor lab) {
    Labs.Lab receiving = labs.labOf(lab);
    String box = lockBox(barcode);
    Box current = box(box);
    if (current.handedAt() == null) {
      throw SuishenException.conflict("sampling.box.not-handed-over", box);
    }
    if (current.receivedAt() != null) {
      throw SuishenException.conflict("sampling.box.received", box);
    }
    Set<String> arrived = tubeList(scanned, false);
    Set<String> broken = tubeList(damaged, false);
    Set<String> listed = new LinkedHashSet<>(current.tubeBarcodes());
    List<String> received = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    List<String> damagedOnList = new ArrayList<>();
    for (String tube : listed) {
      if (arrived.contains(tube) || broken.contains(tube)) {
        received.add(tube);
        if (broken.contains(tube)) {
          damagedOnList.add(tube);
        }
      } else {
        missing.add(tube);
      }
    }
    for (String tube : union(arrived, broken)) {
      if (!listed.contains(tube)) {
        extra.add(tube);
      }
    }
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    for (String tube : received) {
      jdbc.sql(
              "UPDATE tube SET received_at = ?, received_by = ?, damaged = ?, lab_code = ?"
                  + " WHERE barcode = ?")
          .params(at, lab.toString(), broken.contains(tube), receiving.code(), tube)
          .update();
    }
    discrepancies(box, missing, "MISSING", at, lab);
    discrepancies(box, extra, "EXTRA", at, lab);
    discrepancies(box, damagedOnList, "DAMAGED", at, lab);
    jdbc.sql("UPDATE transfer_box SET received_at = ?, received_by = ? WHERE barcode = ?")
        .params(at, lab.toString(), box)
        .update();
    audit.record(
        AuditEvent.of(
            lab,
            RECEIVED,
            null,
            "box "
                + box
                + ": "
                + received.size()
                + " received, "
                + missing.size()
                + " missing, "
                + extra.size()
                + " extra, "
                + damagedOnList.size()
                + " damaged"));
    return new Receipt(box, received, missing, extra, damagedOnList, now);
  }

  private void discrepancies(
      String box, Collection<String> tubes, String kind, Timestamp at, Actor lab) {
    for (String tube : tubes) {
      jdbc.sql(
              "INSERT INTO box_discrepancy (box_barcode, tube_barcode, kind, recorded_at,"
                  + " recorded_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .params(box, tube, kind, at, lab.toString())
          .update();
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    var all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Set<String> tubeList(@Nullable List<String> barcodes, boolean required) {
    if (barcodes == null || barcodes.isEmpty()) {
      if (required) {
        throw SuishenException.badInput("sampling.box.tubes-required");
      }
      return Set.of();
    }
    if (barcodes.size() > MAX_TUBES) {
      throw SuishenException.badInput("sampling.box.too-many-tubes", MAX_TUBES);
    }
    var tubes = new LinkedHashSet<String>();
    for (String raw : barcodes) {
      tubes.add(
          TubeBarcode.parse(raw)
              .map(TubeBarcode::value)
              .orElseThrow(
                  () ->
                      SuishenException.badInput(
                          "sampling.box.tube-barcode-invalid", raw == null ? "" : raw)));
    }
    return tubes;
  }

  private String lockBox(String barcode) {
    String box =
        BoxBarcode.parse(barcode)
            .map(BoxBarcode::value)
            .orElseThrow(() -> SuishenException.notFound("sampling.box.unknown"));
    return jdbc.sql("SELECT barcode FROM transfer_box WHERE barcode = ? FOR UPDATE")
        .param(box)
        .query(String.class)
        .optional()
        .orElseThrow(() -> SuishenException.notFound("sampling.box.unknown"));
  }

  Box box(String barcode) {
    List<String> tubes =
        jdbc.sql("SELECT tube_barcode FROM box_tube WHERE box_barcode = ? ORDER BY tube_barcode")
            .param(barcode)
            .query(String.class)
            .list();
    return jdbc.sql(
            "SELECT barcode, site_code, packed_at, handed_at, courier, received_at FROM"
                + " transfer_box WHERE barcode = ?")
        .param(barcode)
        .query(
            (rs, n) ->
                new Box(
                    rs.getString("barcode"),
                    rs.getString("site_code"),
                    tubes,
                    rs.getTimestamp("packed_at").toInstant(),
                    instant(rs.getTimestamp("handed_at")),
                    rs.getString("courier"),
                    instant(rs.getTimestamp("received_at"))))
        .single();
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
