package org.suishen.offlinecode.internal.kiosk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.offlinecode.internal.Channel;

/** Table {@code kiosk_session} (V26_2): one open session per kiosk, kept by a unique index. */
@Repository
class KioskSessionStore {

  private final JdbcClient jdbc;

  KioskSessionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Ends the kiosk's open session, if any (a new log-in replaces it). */
  void endOpen(String device, String reason, Instant now) {
    jdbc.sql(
            "UPDATE kiosk_session SET ended_at = ?, end_reason = ?"
                + " WHERE device = ? AND ended_at IS NULL")
        .params(Timestamp.from(now), reason, device)
        .update();
  }

  void insert(KioskSession session) {
    jdbc.sql(
            "INSERT INTO kiosk_session (session_id, device, channel, login_method, person_id,"
                + " holder_person_id, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            session.sessionId(),
            session.device(),
            session.channel().name(),
            session.method().name(),
            session.personId(),
            session.holderPersonId(),
            Timestamp.from(session.startedAt()),
            Timestamp.from(session.lastSeenAt()))
        .update();
  }

  /** The open session of this id at this kiosk (another kiosk's session is not found). */
  Optional<KioskSession> open(UUID sessionId, String device) {
    return jdbc.sql(
            "SELECT * FROM kiosk_session WHERE session_id = ? AND device = ? AND ended_at IS NULL")
        .params(sessionId, device)
        .query(KioskSessionStore::map)
        .optional();
  }

  void touch(UUID sessionId, Instant now) {
    jdbc.sql("UPDATE kiosk_session SET last_seen_at = ? WHERE session_id = ?")
        .params(Timestamp.from(now), sessionId)
        .update();
  }

  void confirm(UUID sessionId, Instant now) {
    jdbc.sql(
            "UPDATE kiosk_session SET confirmed_at = coalesce(confirmed_at, ?), last_seen_at = ?"
                + " WHERE session_id = ?")
        .params(Timestamp.from(now), Timestamp.from(now), sessionId)
        .update();
  }

  void end(UUID sessionId, String reason, Instant now) {
    jdbc.sql(
            "UPDATE kiosk_session SET ended_at = ?, end_reason = ?"
                + " WHERE session_id = ? AND ended_at IS NULL")
        .params(Timestamp.from(now), reason, sessionId)
        .update();
  }

  private static KioskSession map(ResultSet rs, int row) throws SQLException {
    return new KioskSession(
        rs.getObject("session_id", UUID.class),
        rs.getString("device"),
        Channel.valueOf(rs.getString("channel")),
        KioskLogin.Method.valueOf(rs.getString("login_method")),
        rs.getObject("person_id", UUID.class),
        rs.getObject("holder_person_id", UUID.class),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("last_seen_at").toInstant(),
        instant(rs.getTimestamp("confirmed_at")));
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
