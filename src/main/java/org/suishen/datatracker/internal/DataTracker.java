package org.suishen.datatracker.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.suishen.accounts.Accounts;
import org.suishen.audit.AuditReader;
import org.suishen.audit.AuditRecord;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.Dependants;
import org.suishen.healthcode.ScanHistory;
import org.suishen.healthcode.ScanHistory.ScanDay;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;

/**
 * "Who looked at my data" (MISSION X1, after Estonia's data tracker): the audit trail's entries by
 * staff and devices about the person and their standing dependants, and the scan log's scans of
 * their codes grouped per day, merged newest first. Pages are whole days of the city's calendar, so
 * a day's scans are never split between two pages. Showing a person their own trail is not itself a
 * read by someone else and is not audited.
 */
@Service
public class DataTracker {

  /** Readers other than the person: staff (the authority is staff) and devices. */
  static final Set<String> READERS = Set.of("staff", "device");

  /** A page closes at the end of the day its {@value}-th line falls on. */
  static final int PAGE_LINES = 50;

  /** At most this many entries of each source on one day of a page (a day of mass scanning). */
  static final int DAY_CAP = 1000;

  private final AuditReader audit;
  private final ScanHistory scans;
  private final Dependants dependants;
  private final PopulationRegister register;
  private final Accounts accounts;
  private final MessageSource messages;
  private final Clock clock;

  DataTracker(
      AuditReader audit,
      ScanHistory scans,
      Dependants dependants,
      PopulationRegister register,
      Accounts accounts,
      MessageSource messages,
      Clock clock) {
    this.audit = audit;
    this.scans = scans;
    this.dependants = dependants;
    this.register = register;
    this.accounts = accounts;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The reads of the person's data and their standing dependants' on days before {@code before}
   * (default: up to now), newest first.
   */
  public DataReadsPage of(UUID personId, @Nullable LocalDate before, Locale locale) {
    ZoneId zone = clock.getZone();
    Map<UUID, @Nullable String> whose = whose(personId);
    Instant to =
        before == null
            ? LocalDate.now(clock).plusDays(1).atStartOfDay(zone).toInstant()
            : before.atStartOfDay(zone).toInstant();

    List<Line> probe = merge(whose.keySet(), Instant.EPOCH, to, PAGE_LINES + 1, zone);
    if (probe.size() <= PAGE_LINES) {
      return page(probe, whose, locale, null);
    }
    LocalDate oldest = probe.get(PAGE_LINES - 1).day(zone);
    Instant from = oldest.atStartOfDay(zone).toInstant();
    List<Line> lines = merge(whose.keySet(), from, to, DAY_CAP, zone);
    boolean more =
        probe.stream().anyMatch(l -> l.day(zone).isBefore(oldest))
            || !merge(whose.keySet(), Instant.EPOCH, from, 1, zone).isEmpty();
    return page(lines, whose, locale, more ? oldest.toString() : null);
  }

  /** The person (no label) and their standing dependants (masked names). */
  private Map<UUID, @Nullable String> whose(UUID personId) {
    Map<UUID, @Nullable String> whose = new HashMap<>();
    whose.put(personId, null);
    for (Binding binding : dependants.of(personId)) {
      if (binding.state() == BindingState.APPROVED) {
        whose.put(
            binding.dependant(),
            register.find(binding.dependant()).map(Person::maskedName).orElse("—"));
      }
    }
    return whose;
  }

  private List<Line> merge(Set<UUID> people, Instant from, Instant to, int limit, ZoneId zone) {
    List<Line> lines = new ArrayList<>();
    audit.about(people, READERS, from, to, limit).forEach(r -> lines.add(new Line(r, null)));
    scans.days(people, from, to, zone, limit).forEach(d -> lines.add(new Line(null, d)));
    lines.sort(Comparator.comparing(Line::at).reversed());
    return lines.size() > limit ? List.copyOf(lines.subList(0, limit)) : lines;
  }

  private DataReadsPage page(
      List<Line> lines, Map<UUID, @Nullable String> whose, Locale locale, @Nullable String next) {
    var readers = new ReaderNames(accounts, messages, locale);
    List<DataRead> entries = new ArrayList<>(lines.size());
    for (Line line : lines) {
      entries.add(
          line.audit() != null
              ? read(line.audit(), whose, readers, locale)
              : scan(line.scan(), whose, readers, locale));
    }
    return new DataReadsPage(entries, next);
  }

  private DataRead read(
      AuditRecord entry, Map<UUID, @Nullable String> whose, ReaderNames readers, Locale locale) {
    var reader = readers.of(entry.actorKind(), entry.actorId());
    return new DataRead(
        "read",
        entry.occurredAt(),
        null,
        1,
        reader.kind(),
        reader.role(),
        reader.device(),
        reader.place(),
        text("datatracker.action." + entry.action(), "datatracker.action.other", locale),
        entry.action(),
        entry.reason(),
        entry.subject() == null ? null : whose.get(entry.subject()),
        entry.id());
  }

  private DataRead scan(
      ScanDay day, Map<UUID, @Nullable String> whose, ReaderNames readers, Locale locale) {
    int colon = day.scanner().indexOf(':');
    String kind = colon < 0 ? "device" : day.scanner().substring(0, colon);
    var reader = readers.of(kind, day.scanner().substring(colon + 1));
    String codeType = day.codeType() == null ? "UNKNOWN" : day.codeType();
    String purpose = day.purpose();
    return new DataRead(
        "scan",
        day.last(),
        day.first(),
        day.scans(),
        reader.kind(),
        reader.role(),
        reader.device(),
        day.location() != null ? day.location() : reader.place(),
        text("datatracker.scan." + codeType, "datatracker.scan.UNKNOWN", locale),
        "healthcode.scanned",
        purpose == null
            ? null
            : messages.getMessage("datatracker.purpose." + purpose, null, purpose, locale),
        whose.get(day.personId()),
        null);
  }

  private String text(String key, String fallback, Locale locale) {
    String found = messages.getMessage(key, null, null, locale);
    return found != null ? found : messages.getMessage(fallback, null, fallback, locale);
  }

  /** An audit entry or a day of scans, ordered by its latest time. */
  private record Line(@Nullable AuditRecord audit, @Nullable ScanDay scan) {
    Instant at() {
      return audit != null ? audit.occurredAt() : java.util.Objects.requireNonNull(scan).last();
    }

    LocalDate day(ZoneId zone) {
      return audit != null
          ? audit.occurredAt().atZone(zone).toLocalDate()
          : java.util.Objects.requireNonNull(scan).day();
    }
  }
}
