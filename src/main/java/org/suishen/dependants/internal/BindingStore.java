package org.suishen.dependants.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.HolderAndDependant;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.RemovalCause;

/** The bindings and their uploaded evidence, in PostgreSQL (V20_1; the relationship V24_5). */
@Repository
class BindingStore {

  private static final String COLUMNS =
      "id, holder_id, dependant_id, kind, relationship, evidence, state, requested_at, approved_at,"
          + " decided_at, decision_reason, removed_at, removal_reason, removed_by, removal_cause";

  /** The same columns, of the binding table aliased {@code b}. */
  private static final String BINDING_COLUMNS = COLUMNS.replaceAll("(^|, )(?=[a-z])", "$1b.");

  private final JdbcClient jdbc;

  BindingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serialises the applications of one holder until the end of the transaction, so that the limit
   * and the one-active-binding-per-pair rule hold under concurrent requests.
   */
  void lockHolder(UUID holder) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 20))")
        .param("dependants:" + holder)
        .query((rs, n) -> 1)
        .single();
  }

  int countActive(UUID holder) {
    return jdbc.sql(
            "SELECT count(*) FROM dependant_binding WHERE holder_id = ?"
                + " AND state IN ('PENDING', 'APPROVED')")
        .param(holder)
        .query(Integer.class)
        .single();
  }

  Optional<Binding> findActive(UUID holder, UUID dependant) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dependant_binding WHERE holder_id = ? AND dependant_id = ?"
                + " AND state IN ('PENDING', 'APPROVED')")
        .param(holder)
        .param(dependant)
        .query(BindingStore::binding)
        .optional();
  }

  /** The approved bindings among these pairs, with the dependant's birth date copied for minors. */
  List<ApprovedBinding> approvedAmong(Collection<HolderAndDependant> pairs) {
    if (pairs.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", dependant_born_on FROM dependant_binding"
                + " WHERE (holder_id, dependant_id) IN"
                + " (SELECT * FROM unnest(?::uuid[], ?::uuid[])) AND state = 'APPROVED'")
        .param(pairs.stream().map(p -> p.holder().toString()).toArray(String[]::new))
        .param(pairs.stream().map(p -> p.dependant().toString()).toArray(String[]::new))
        .query(
            (rs, n) ->
                new ApprovedBinding(
                    binding(rs, n), rs.getObject("dependant_born_on", LocalDate.class)))
        .list();
  }

  /** An approved binding and, for a minor binding, the dependant's birth date copied at binding. */
  record ApprovedBinding(Binding binding, @Nullable LocalDate dependantBornOn) {}

  boolean isBound(UUID holder, UUID dependant) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM dependant_binding WHERE holder_id = ? AND dependant_id = ?"
                + " AND state = 'APPROVED')")
        .param(holder)
        .param(dependant)
        .query(Boolean.class)
        .single();
  }

  Optional<Binding> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dependant_binding WHERE id = ?")
        .param(id)
        .query(BindingStore::binding)
        .optional();
  }

  /** The holder's pending and approved bindings, oldest first. */
  List<Binding> activeOf(UUID holder) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dependant_binding WHERE holder_id = ? AND state IN ('PENDING', 'APPROVED')"
                + " ORDER BY requested_at, id")
        .param(holder)
        .query(BindingStore::binding)
        .list();
  }

  /** Orders a pair's bindings so that the current one comes first. */
  private static final String CURRENT_FIRST =
      "(state IN ('PENDING', 'APPROVED')) DESC, requested_at DESC, id DESC";

  /**
   * The holder's current binding of the dependant: the pending or approved one if there is one (at
   * most one, by the unique index), else the latest application (rejected or removed). A dependant
   * with an earlier rejected application and a new pending one is therefore the pending one; the
   * holder addresses a dependant by the dependant's person id, and this is the binding it means.
   */
  Optional<Binding> current(UUID holder, UUID dependant) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dependant_binding WHERE holder_id = ? AND dependant_id = ?"
                + " ORDER BY "
                + CURRENT_FIRST
                + " LIMIT 1")
        .param(holder)
        .param(dependant)
        .query(BindingStore::binding)
        .optional();
  }

  /**
   * The holder's {@link #current} binding of each dependant, if it is pending or approved, was
   * rejected since {@code rejectedSince} or ended by coming of age since {@code cameOfAgeSince};
   * oldest application first.
   */
  List<Binding> shownTo(UUID holder, Instant rejectedSince, Instant cameOfAgeSince) {
    return jdbc.sql(
            "SELECT * FROM (SELECT DISTINCT ON (dependant_id) "
                + COLUMNS
                + " FROM dependant_binding WHERE holder_id = ? ORDER BY dependant_id, "
                + CURRENT_FIRST
                + ") b WHERE state IN ('PENDING', 'APPROVED')"
                + " OR (state = 'REJECTED' AND decided_at >= ?)"
                + " OR (state = 'REMOVED' AND removal_cause = 'CAME_OF_AGE' AND removed_at >= ?)"
                + " ORDER BY requested_at, id")
        .param(holder)
        .param(at(rejectedSince))
        .param(at(cameOfAgeSince))
        .query(BindingStore::binding)
        .list();
  }

  /** The oldest pending applications first. */
  List<Binding> pending(int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dependant_binding WHERE state = 'PENDING' ORDER BY requested_at, id LIMIT ?")
        .param(limit)
        .query(BindingStore::binding)
        .list();
  }

  long countPending() {
    return jdbc.sql("SELECT count(*) FROM dependant_binding WHERE state = 'PENDING'")
        .query(Long.class)
        .single();
  }

  /**
   * @param dependantBornOn the dependant's birth date, kept for minor bindings only (the
   *     coming-of-age job finds them by it)
   */
  void insert(
      Binding b,
      String requestedBy,
      @Nullable EvidenceFile file,
      @Nullable LocalDate dependantBornOn) {
    jdbc.sql(
            "INSERT INTO dependant_binding (id, holder_id, dependant_id, kind, relationship,"
                + " evidence, state, requested_at, requested_by, approved_at, dependant_born_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .param(b.id())
        .param(b.holder())
        .param(b.dependant())
        .param(b.kind().name())
        .param(b.relationship() == null ? null : b.relationship().name())
        .param(b.evidence().name())
        .param(b.state().name())
        .param(at(b.requestedAt()))
        .param(requestedBy)
        .param(b.approvedAt() == null ? null : at(b.approvedAt()))
        .param(b.kind() == DependantKind.MINOR ? dependantBornOn : null)
        .update();
    if (file != null) {
      jdbc.sql(
              "INSERT INTO dependant_evidence (binding_id, format, size_bytes, sha256, content,"
                  + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?)")
          .param(b.id())
          .param(file.format().name())
          .param(file.size())
          .param(file.sha256())
          .param(file.content())
          .param(at(b.requestedAt()))
          .update();
    }
  }

  /** Decides a pending application; false if it was no longer pending. */
  boolean decide(UUID id, boolean approve, Instant at, String by, @Nullable String reason) {
    return jdbc.sql(
                "UPDATE dependant_binding SET state = ?, decided_at = ?, decided_by = ?,"
                    + " decision_reason = ?, approved_at = ? WHERE id = ? AND state = 'PENDING'")
            .param(approve ? BindingState.APPROVED.name() : BindingState.REJECTED.name())
            .param(at(at))
            .param(by)
            .param(reason)
            .param(approve ? at(at) : null)
            .param(id)
            .update()
        == 1;
  }

  /** Removes a pending or approved binding; false if it was no longer in that state. */
  boolean remove(
      UUID id,
      BindingState from,
      Instant at,
      String by,
      @Nullable String reason,
      RemovalCause cause) {
    return jdbc.sql(
                "UPDATE dependant_binding SET state = 'REMOVED', removed_at = ?, removed_by = ?,"
                    + " removal_reason = ?, removal_cause = ? WHERE id = ? AND state = ?")
            .param(at(at))
            .param(by)
            .param(reason)
            .param(cause.name())
            .param(id)
            .param(from.name())
            .update()
        == 1;
  }

  /**
   * Up to {@code limit} active minor bindings of dependants born on or before {@code
   * bornOnOrBefore} (of age by the stored birth date), locked until the end of the transaction;
   * rows another node holds are skipped, so several nodes may run the job at once.
   */
  List<Binding> claimOfAge(LocalDate bornOnOrBefore, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dependant_binding WHERE kind = 'MINOR' AND state IN ('PENDING', 'APPROVED')"
                + " AND dependant_born_on <= ? ORDER BY dependant_born_on, id LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")
        .param(bornOnOrBefore)
        .param(limit)
        .query(BindingStore::binding)
        .list();
  }

  /**
   * A minor binding now rests on another ground (e.g. a disability certificate): records it, which
   * takes the binding off the coming-of-age job's list.
   */
  void reground(UUID id, DependantKind kind) {
    jdbc.sql("UPDATE dependant_binding SET kind = ?, dependant_born_on = NULL WHERE id = ?")
        .param(kind.name())
        .param(id)
        .update();
  }

  /** Corrects the stored birth date (from the register; {@code null}: the person is unknown). */
  void rememberBirthDate(UUID id, @Nullable LocalDate bornOn) {
    jdbc.sql("UPDATE dependant_binding SET dependant_born_on = ? WHERE id = ?")
        .param(bornOn)
        .param(id)
        .update();
  }

  /** The uploaded page's description (format, hash, deletion), without its bytes. */
  @Nullable StoredEvidence storedEvidence(UUID bindingId) {
    return jdbc.sql("SELECT format, sha256, purged_at FROM dependant_evidence WHERE binding_id = ?")
        .param(bindingId)
        .query(
            (rs, n) ->
                StoredEvidence.of(
                    EvidenceFormat.valueOf(rs.getString("format")),
                    rs.getBytes("sha256"),
                    instant(rs, "purged_at")))
        .optional()
        .orElse(null);
  }

  /** The uploaded page with its bytes; empty if there is none or it was deleted. */
  Optional<EvidenceFile> evidence(UUID bindingId) {
    return jdbc.sql(
            "SELECT format, content FROM dependant_evidence WHERE binding_id = ?"
                + " AND purged_at IS NULL")
        .param(bindingId)
        .query(
            (rs, n) ->
                new EvidenceFile(
                    EvidenceFormat.valueOf(rs.getString("format")), rs.getBytes("content")))
        .optional();
  }

  /**
   * Up to {@code limit} bindings whose page is still held and was decided or ended on or before the
   * retention rule's cutoffs, their evidence rows locked until the end of the transaction; rows
   * another node holds are skipped, so several nodes may run the purge at once.
   */
  List<Binding> claimPurgeable(EvidenceRetention.Cutoffs cutoffs, int limit) {
    return jdbc.sql(
            "SELECT "
                + BINDING_COLUMNS
                + " FROM dependant_evidence e JOIN dependant_binding b ON b.id = e.binding_id"
                + " WHERE e.purged_at IS NULL AND ((b.state = 'APPROVED' AND b.approved_at <= ?)"
                + " OR (b.state = 'REJECTED' AND b.decided_at <= ?)"
                + " OR (b.state = 'REMOVED' AND b.removed_at <= ?))"
                + " ORDER BY e.uploaded_at, e.binding_id LIMIT ? FOR UPDATE OF e SKIP LOCKED")
        .param(at(cutoffs.approvedBy()))
        .param(at(cutoffs.rejectedBy()))
        .param(at(cutoffs.removedBy()))
        .param(limit)
        .query(BindingStore::binding)
        .list();
  }

  /**
   * Deletes the page's bytes and leaves a tombstone (format, size, SHA-256, time of deletion);
   * false if it was already deleted.
   */
  boolean purgeEvidence(UUID bindingId, Instant at) {
    return jdbc.sql(
                "UPDATE dependant_evidence SET content = NULL, purged_at = ?"
                    + " WHERE binding_id = ? AND purged_at IS NULL")
            .param(at(at))
            .param(bindingId)
            .update()
        == 1;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Binding binding(ResultSet rs, int row) throws SQLException {
    var state = BindingState.valueOf(rs.getString("state"));
    Instant ended =
        switch (state) {
          case REJECTED -> instant(rs, "decided_at");
          case REMOVED -> instant(rs, "removed_at");
          default -> null;
        };
    String reason =
        state == BindingState.REMOVED
            ? rs.getString("removal_reason")
            : rs.getString("decision_reason");
    Instant requested = instant(rs, "requested_at");
    // applications made before V24_5 stated none
    String relationship = rs.getString("relationship");
    RemovalCause cause = null;
    if (state == BindingState.REMOVED) {
      String stored = rs.getString("removal_cause");
      String by = rs.getString("removed_by");
      // rows removed before V20_3 have no cause: a staff actor was a reviewer
      cause =
          stored != null
              ? RemovalCause.valueOf(stored)
              : by != null && by.startsWith("staff:") ? RemovalCause.REVIEWER : RemovalCause.HOLDER;
    }
    return new Binding(
        rs.getObject("id", UUID.class),
        rs.getObject("holder_id", UUID.class),
        rs.getObject("dependant_id", UUID.class),
        DependantKind.valueOf(rs.getString("kind")),
        relationship == null ? null : Relationship.valueOf(relationship),
        Evidence.valueOf(rs.getString("evidence")),
        state,
        requested == null ? Instant.EPOCH : requested,
        instant(rs, "approved_at"),
        ended,
        reason,
        cause);
  }
}
