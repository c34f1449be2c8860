package org.suishen.dependants;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.identity.DocumentType;

/** People in the population register for the tests: plain SQL into {@code person} (V2_1). */
final class RegisterFixtures {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private final JdbcClient jdbc;
  private final Clock clock;

  RegisterFixtures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Someone registered with a resident ID and a name, born this many years ago today. */
  record Registered(UUID id, DocumentType type, String number, String name, LocalDate birthDate) {}

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A Shanghai resident aged {@code years} today, in the given household (or none). */
  Registered resident(String name, int years, @Nullable String household) {
    return resident("31" + digits(4), name, today().minusYears(years).minusDays(1), household);
  }

  Registered resident(String region, String name, LocalDate birthDate, @Nullable String household) {
    return resident(region, name, birthDate, household, false);
  }

  /**
   * A resident ID of the region and birth date with a random sequence number: drawn again when
   * someone registered earlier in this database already has it (only 1000 per region and day).
   */
  Registered resident(
      String region,
      String name,
      LocalDate birthDate,
      @Nullable String household,
      boolean disabilityCertificate) {
    for (int attempt = 1; ; attempt++) {
      String first17 =
          region
              + birthDate.toString().replace("-", "")
              + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
      try {
        return insert(
            DocumentType.RESIDENT_ID,
            first17 + checkCharacter(first17),
            name,
            birthDate,
            household,
            disabilityCertificate);
      } catch (DuplicateKeyException taken) {
        if (attempt == 20) {
          throw taken;
        }
      }
    }
  }

  Registered passport(String name, LocalDate birthDate, @Nullable String household) {
    return insert(
        DocumentType.FOREIGN_PASSPORT, "E" + digits(8), name, birthDate, household, false);
  }

  Registered insert(
      DocumentType type,
      String number,
      String name,
      LocalDate birthDate,
      @Nullable String household,
      boolean disabilityCertificate) {
    var id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, household_id, district, disability_certificate, registered_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, 'F', ?, ?, '310104', ?, ?, ?)")
        .param(id)
        .param(type.name())
        .param(number)
        .param(name)
        .param(name)
        .param(birthDate)
        .param(household)
        .param(disabilityCertificate)
        .param(OffsetDateTime.now(clock))
        .param(OffsetDateTime.now(clock))
        .update();
    return new Registered(id, type, number, name, birthDate);
  }

  static String household() {
    return "H" + UUID.randomUUID();
  }

  /** GB 11643 check character of the first 17 digits of a resident ID. */
  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  private static String digits(int n) {
    var out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(ThreadLocalRandom.current().nextInt(10));
    }
    return out.toString();
  }
}
