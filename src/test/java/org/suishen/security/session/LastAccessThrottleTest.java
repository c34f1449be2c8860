package org.suishen.security.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

class LastAccessThrottleTest {

  /** Sessions in a map, copied in and out as the table would. */
  static final class Stored implements FindByIndexNameSessionRepository<Session> {
    final Map<String, MapSession> sessions = new ConcurrentHashMap<>();
    int reads;

    @Override
    public Session createSession() {
      return new MapSession();
    }

    @Override
    public void save(Session session) {
      var copy = new MapSession(session);
      sessions.put(session.getId(), copy);
    }

    @Override
    public Session findById(String id) {
      reads++;
      MapSession found = sessions.get(id);
      return found == null ? null : new MapSession(found);
    }

    @Override
    public void deleteById(String id) {
      sessions.remove(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String name, String value) {
      return Map.of();
    }
  }

  final Stored stored = new Stored();
  final LastAccessThrottle sessions = new LastAccessThrottle(stored, Duration.ofSeconds(60));

  String aSessionLastAccessedAt(Instant at) {
    Session session = stored.createSession();
    session.setLastAccessedTime(at);
    stored.save(session);
    return session.getId();
  }

  @Test
  void aRequestWithinTheIntervalLeavesTheLastAccessAsItWas() {
    Instant start = Instant.parse("2026-03-01T02:00:00Z");
    String id = aSessionLastAccessedAt(start);

    Session session = sessions.findById(id);
    session.setLastAccessedTime(start.plusSeconds(59));
    sessions.save(session);

    assertThat(stored.sessions.get(id).getLastAccessedTime()).isEqualTo(start);
  }

  @Test
  void aRequestAfterTheIntervalMovesTheLastAccess() {
    Instant start = Instant.parse("2026-03-01T02:00:00Z");
    String id = aSessionLastAccessedAt(start);

    Session session = sessions.findById(id);
    session.setLastAccessedTime(start.plusSeconds(60));
    sessions.save(session);

    assertThat(stored.sessions.get(id).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
  }

  @Test
  void attributesAndTheIdPassThrough() {
    String id = aSessionLastAccessedAt(Instant.parse("2026-03-01T02:00:00Z"));

    Session session = sessions.findById(id);
    session.setAttribute("epoch", 3);
    String changed = session.changeSessionId();
    sessions.save(session);

    assertThat(changed).isNotEqualTo(id);
    assertThat(stored.sessions.get(changed).<Integer>getAttribute("epoch")).isEqualTo(3);
    assertThat(sessions.findById(changed).getAttributeNames()).containsExactly("epoch");
    sessions.deleteById(changed);
    assertThat(sessions.findById(changed)).isNull();
  }

  @Test
  void aRequestReadsASessionOnceHoweverOftenSpringSessionAsks() throws Exception {
    String id = aSessionLastAccessedAt(Instant.parse("2026-03-01T02:00:00Z"));
    var found = new java.util.ArrayList<Session>();
    sessions.duringRequest(
        () -> {
          found.add(sessions.findById(id));
          // the commit after an early flush, then the one at the filter's end
          found.add(sessions.findById(id));
          found.add(sessions.findById(id));
        });
    assertThat(stored.reads).isEqualTo(1);
    assertThat(found).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(found.getFirst()));
  }

  @Test
  void everyRequestAndEveryReadOutsideARequestGoToTheTable() throws Exception {
    String id = aSessionLastAccessedAt(Instant.parse("2026-03-01T02:00:00Z"));
    sessions.duringRequest(() -> sessions.findById(id));
    sessions.duringRequest(() -> sessions.findById(id));
    sessions.findById(id);
    sessions.findById(id);
    assertThat(stored.reads).isEqualTo(4);
  }

  @Test
  void aSessionDeletedDuringTheRequestIsNotFoundAgain() throws Exception {
    String id = aSessionLastAccessedAt(Instant.parse("2026-03-01T02:00:00Z"));
    var after = new java.util.ArrayList<java.util.Optional<Session>>();
    sessions.duringRequest(
        () -> {
          sessions.findById(id);
          sessions.deleteById(id);
          after.add(java.util.Optional.ofNullable(sessions.findById(id)));
        });
    assertThat(after).containsExactly(java.util.Optional.empty());
    assertThat(stored.reads).isEqualTo(2);
  }

  @Test
  void anotherSessionIdInTheSameRequestIsReadFromTheTable() throws Exception {
    String first = aSessionLastAccessedAt(Instant.parse("2026-03-01T02:00:00Z"));
    String second = aSessionLastAccessedAt(Instant.parse("2026-03-01T02:00:00Z"));
    var found = new java.util.ArrayList<String>();
    sessions.duringRequest(
        () -> {
          found.add(sessions.findById(first).getId());
          found.add(sessions.findById(second).getId());
        });
    assertThat(found).containsExactly(first, second);
    assertThat(stored.reads).isEqualTo(2);
  }
}
