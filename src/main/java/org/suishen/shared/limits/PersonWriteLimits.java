package org.suishen.shared.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.shared.problem.RetryLater;

/**
 * Counts a person's writes per city day ({@code person_write_count}) and refuses the one over the
 * day's limit ({@code suishen.limits.per-person-per-day.<write>}, 0 = no limit) with 429 {@code
 * limits.person.too-many-writes} and {@code Retry-After} until the next midnight. The count is an
 * upsert in the caller's transaction: the row lock orders concurrent writes of one person, and a
 * refused (or otherwise failed) write rolls its count back, so nothing changes.
 */
@Component
public class PersonWriteLimits {

  public static final String CODE = "limits.person.too-many-writes";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<PersonWrite, Integer> limits = new EnumMap<>(PersonWrite.class);

  PersonWriteLimits(JdbcClient jdbc, Clock clock, Environment environment) {
    this.jdbc = jdbc;
    this.clock = clock;
    for (PersonWrite write : PersonWrite.values()) {
      limits.put(
          write,
          environment.getProperty(
              "suishen.limits.per-person-per-day." + write.key(), Integer.class, 0));
    }
  }

  /** The day's limit for the write (0: none). */
  public int limit(PersonWrite write) {
    return limits.get(write);
  }

  /** Counts one write of the person today; refuses it if that goes over the day's limit. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void count(UUID personId, PersonWrite write) {
    int limit = limit(write);
    if (limit <= 0) {
      return;
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    int count =
        jdbc.sql(
                "INSERT INTO person_write_count (person_id, write_kind, day, writes)"
                    + " VALUES (?, ?, ?, 1) ON CONFLICT (person_id, write_kind, day)"
                    + " DO UPDATE SET writes = person_write_count.writes + 1 RETURNING writes")
            .param(personId)
            .param(write.key())
            .param(today)
            .query(Integer.class)
            .single();
    if (count > limit) {
      throw refusal(now, today, limit);
    }
  }

  /**
   * Counts a group's writes, one per entry in this order (a person may appear more than once), and
   * refuses each that would go over the day's limit; the others are counted with one statement. The
   * caller serialises each person's writes of this kind until its transaction ends (NAT codes: the
   * person's advisory lock), since a count not yet in the table cannot be locked.
   *
   * @return per entry, null if it was counted, or its refusal (nothing counted for it)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<@Nullable RetryLater> countAll(List<UUID> personIds, PersonWrite write) {
    var refusals = new ArrayList<@Nullable RetryLater>(personIds.size());
    int limit = limit(write);
    if (limit <= 0 || personIds.isEmpty()) {
      personIds.forEach(p -> refusals.add(null));
      return refusals;
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    var counts = new LinkedHashMap<UUID, Integer>();
    jdbc.sql(
            "SELECT person_id, writes FROM person_write_count"
                + " WHERE write_kind = ? AND day = ? AND person_id = ANY(?) FOR UPDATE")
        .param(write.key())
        .param(today)
        .param(personIds.stream().distinct().toArray(UUID[]::new))
        .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
        .list();
    var added = new LinkedHashMap<UUID, Integer>();
    for (UUID person : personIds) {
      int before = counts.getOrDefault(person, 0) + added.getOrDefault(person, 0);
      if (before + 1 > limit) {
        refusals.add(refusal(now, today, limit));
      } else {
        added.merge(person, 1, Integer::sum);
        refusals.add(null);
      }
    }
    if (!added.isEmpty()) {
      jdbc.sql(
              "INSERT INTO person_write_count (person_id, write_kind, day, writes)"
                  + " SELECT p, ?, ?, n FROM unnest(?::uuid[], ?::int[]) AS t(p, n)"
                  + " ON CONFLICT (person_id, write_kind, day)"
                  + " DO UPDATE SET writes = person_write_count.writes + EXCLUDED.writes")
          .param(write.key())
          .param(today)
          .param(added.keySet().toArray(UUID[]::new))
          .param(added.values().toArray(Integer[]::new))
          .update();
    }
    return refusals;
  }

  private RetryLater refusal(Instant now, LocalDate today, int limit) {
    ZonedDateTime tomorrow = today.plusDays(1).atStartOfDay(clock.getZone());
    return new RetryLater(
        CODE,
        Duration.between(now, tomorrow.toInstant()).toSeconds(),
        limit,
        SHOWN.format(tomorrow));
  }

  /** Forgets the days before the given one (the daily clean-up). */
  public int deleteBefore(LocalDate day) {
    return jdbc.sql("DELETE FROM person_write_count WHERE day < ?").param(day).update();
  }
}
