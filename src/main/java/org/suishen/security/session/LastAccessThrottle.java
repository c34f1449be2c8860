package org.suishen.security.session;

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

  @Override
  public @Nullable Session findById(String id) {
    Session stored = sessions.findById(id);
    return stored == null ? null : new Throttled(stored, interval);
  }

  @Override
  public void deleteById(String id) {
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
