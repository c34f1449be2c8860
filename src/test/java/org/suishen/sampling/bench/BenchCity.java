package org.suishen.sampling.bench;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.suishen.identity.Names;

/**
 * The generated city the sampling benchmarks draw their people from: person i has a resident ID
 * unique by i (with its check digit) and a name drawn from common surnames, loaded by COPY as an
 * import would write them (without the import's checks).
 */
public final class BenchCity {

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "欧阳"
  };
  private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅德福美玲晓燕";
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private BenchCity() {}

  /** Person i: a resident ID unique by i (birth day and sequence), with its check digit. */
  public static String documentNumber(int i) {
    LocalDate birth = LocalDate.of(1942, 1, 1).plusDays(i % 29_000);
    int sequence = (i / 29_000) % 1000;
    int region = 310101 + i / 29_000_000;
    String body = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (body.charAt(k) - '0') * WEIGHTS[k];
    }
    return body + CHECK.charAt(sum % 11);
  }

  public static String name(int i) {
    var random = new SplittableRandom(i * 31L + 7);
    return SURNAMES[random.nextInt(SURNAMES.length)]
        + GIVEN.charAt(random.nextInt(GIVEN.length()))
        + (random.nextInt(4) == 0
            ? ""
            : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
  }

  /**
   * No health code without a health declaration (H1): everyone in the register declared this
   * morning, in one statement; how many.
   */
  public static int declareEveryone(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    return jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " SELECT gen_random_uuid(), id, now() - interval '2 hours', ARRAY[]::text[],"
                + " 36.5, '[]'::jsonb, false, false FROM person")
        .update();
  }

  /**
   * About 10 % of the register yellow and 1 % red, stored under the status engine's rules (its
   * fingerprint); the others have no stored status (green, nothing known), as most of a city. How
   * many were coloured.
   */
  public static int colourSome(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    return jdbc.sql(
            "INSERT INTO health_status (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, fingerprint) SELECT id, CASE WHEN r < 0.01 THEN 'RED'"
                + " ELSE 'YELLOW' END, 'bench', 'bench', 'authority-feed',"
                + " now() - interval '1 day', false, (SELECT value FROM status_engine_state"
                + " WHERE name = 'fingerprint') FROM (SELECT id, random() AS r FROM person) p"
                + " WHERE r < 0.11")
        .update();
  }

  /** The register, by COPY in chunks: what an import writes, without its checks. */
  public static List<UUID> loadRegister(DataSource dataSource, int people) throws Exception {
    return loadRegister(dataSource, people, i -> UUID.randomUUID());
  }

  /** The register with person i's id given by {@code idOf} (a benchmark that derives it in SQL). */
  public static List<UUID> loadRegister(
      DataSource dataSource, int people, java.util.function.IntFunction<UUID> idOf)
      throws Exception {
    List<UUID> ids = new ArrayList<>(people);
    try (var connection = dataSource.getConnection()) {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      var rows = new StringBuilder();
      String now = Instant.now().toString();
      for (int i = 0; i < people; i++) {
        UUID id = idOf.apply(i);
        ids.add(id);
        String number = documentNumber(i);
        String name = name(i);
        char sex = (number.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
        String birth =
            number.substring(6, 10)
                + "-"
                + number.substring(10, 12)
                + "-"
                + number.substring(12, 14);
        rows.append(id)
            .append(",RESIDENT_ID,")
            .append(number)
            .append(',')
            .append(name)
            .append(',')
            .append(Names.normalise(name))
            .append(',')
            .append(sex)
            .append(',')
            .append(birth)
            .append(',')
            .append(now)
            .append(',')
            .append(now)
            .append('\n');
        if (rows.length() > 8_000_000 || i == people - 1) {
          copy.copyIn(
              "COPY person (id, document_type, document_number, name, name_normalised, sex,"
                  + " birth_date, registered_at, updated_at) FROM STDIN (FORMAT csv)",
              new StringReader(rows.toString()));
          rows.setLength(0);
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    return ids;
  }
}
