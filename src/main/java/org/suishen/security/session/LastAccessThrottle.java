package org.suishen.security.session;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions kept in PostgreSQL, written only when something in them changed or their last access
 * is older than {@code interval}: Spring Session would otherwise write each session's last access
 * time on every request (a durable write behind every code display). A session may end up to {@code
 * interval} before its idle timeout; the timeout counts in minutes, the interval in seconds.
 */
final class LastAccessThrottle implements FindByIndexNameSessionRepository<Session> {

  private final FindByIndexNameSessionRepository<Session> sessions;
  private final Duration interval;

  /**
   * The session the request on this thread has read (only inside {@link #duringRequest}). Spring
   * Session commits a session when the answer is flushed (a {@code ResponseEntity} flushes its
   * headers) and again when its filter ends, forgetting in between which session it had read: the
   * second commit would read the same session from PostgreSQL again, a third of a code display's
   * CPU with the first read and the write.
   */
  private final ThreadLocal<Read> reads = new ThreadLocal<>();

  /** What one request read. */
  private static final class Read {
    @Nullable Session session;

    boolean holds(String id) {
      return session != null && session.getId().equals(id);
    }
  }

  /** One HTTP request's work on the sessions. */
  @FunctionalInterface
  interface RequestWork {
    void run() throws ServletException, IOException;
  }

  LastAccessThrottle(FindByIndexNameSessionRepository<Session> sessions, Duration interval) {
    this.sessions = sessions;
    this.interval = interval;
  }

  @Override
  public Session createSession() {
    return new Throttled(sessions.createSession(), interval);
  }

  @Override
  public void save(Session session) {
    sessions.save(session instanceof Throttled throttled ? throttled.stored : session);
  }

  /**
   * Runs one request, during which a session found is found again without a read (the same
   * instance, with whatever the request did to it); a nested dispatch shares the outer request's.
   */
  void duringRequest(RequestWork work) throws ServletException, IOException {
    if (reads.get() != null) {
      work.run();
      return;
    }
    reads.set(new Read());
    try {
      work.run();
    } finally {
      reads.remove();
    }
  }

  @Override
  public @Nullable Session findById(String id) {
    Read read = reads.get();
    if (read != null && read.holds(id)) {
      return read.session;
    }
    Session stored = sessions.findById(id);
    Session found = stored == null ? null : new Throttled(stored, interval);
    if (read != null) {
      read.session = found;
    }
    return found;
  }

  @Override
  public void deleteById(String id) {
    Read read = reads.get();
    if (read != null && read.holds(id)) {
      read.session = null;
    }
    sessions.deleteById(id);
  }

  @Override
  public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
    return sessions.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> new Throttled(e.getValue(), interval)));
  }

  /** A stored session whose last access moves only in steps of at least the interval. */
  private static final class Throttled implements Session {

    private final Session stored;
    private final Duration interval;

    Throttled(Session stored, Duration interval) {
      this.stored = stored;
      this.interval = interval;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(interval)
          >= 0) {
        stored.setLastAccessedTime(lastAccessedTime);
      }
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      return stored.changeSessionId();
    }

    @Override
    public <T> @Nullable T getAttribute(String attributeName) {
      return stored.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      stored.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
      stored.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
