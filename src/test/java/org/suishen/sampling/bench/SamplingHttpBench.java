package org.suishen.sampling.bench;

import java.io.BufferedWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.SuishenApplication;
import org.suishen.accounts.AccountProvisioning;
import org.suishen.identity.Names;
import org.suishen.identity.PopulationRegister;
import org.suishen.natcode.internal.NatCodes;
import org.suishen.sampling.SamplingSetup;
import org.suishen.sampling.internal.SamplingSites;
import org.suishen.sampling.internal.TubeBarcode;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * The application as {@code bench/sampling-http} runs it: a testing morning at one city's sampling
 * sites. Embedded throw-away database, profiles {@code test} (development adapters), {@code bench}
 * (the baseline {@code GET /api/bench/empty}, see {@code ScanHttpBench}) and {@code
 * bench-sampling}: a register of {@code people} (1 million by default) loaded by COPY, sixteen
 * sampling terminals at one site with a sampler signed on at each, pooled tubes of ten opened, NAT
 * codes for the people who will show one, and a request file for the load generator: one
 * registration a line, every person once, in a realistic mix (60 % NAT code, 25 % ID card on the
 * reader, 15 % typed number), each terminal filling its own tubes. Once ready it writes {@code
 * <results>/sampling-requests.tsv}.
 *
 * <p>Arguments: port, results folder, people, requests.
 */
public final class SamplingHttpBench {

  static final String PASSWORD = "Bench-Terminal-2026";
  static final int TERMINALS = 16;
  static final String SITE = "BENCH-XH-001";
  static final String SAMPLER = "bench.sampler";

  private SamplingHttpBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    String results = args.length > 1 ? args[1] : "bench/results";
    String people = args.length > 2 ? args[2] : "1000000";
    String requests = args.length > 3 ? args[3] : "300000";
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test", "bench", "bench-sampling")
        .run(
            "--server.port=" + port,
            "--suishen.database.embedded.data-directory=",
            "--suishen.healthcode.generated-master-key-file=",
            "--logging.level.root=WARN",
            "--suishen.bench.results=" + results,
            "--suishen.bench.people=" + people,
            "--suishen.bench.requests=" + requests);
  }

  static String terminal(int index) {
    return String.format("bench-terminal-%02d", index + 1);
  }

  /** How many registrations were committed (the script compares it with the 200 answers). */
  @RestController
  @Profile("bench-sampling")
  static class Counts {

    private final JdbcClient jdbc;

    Counts(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @GetMapping("/api/bench/registration-count")
    Map<String, Long> count() {
      return Map.of(
          "registrations",
          jdbc.sql("SELECT count(*) FROM sampling_registration").query(Long.class).single());
    }
  }

  @Component
  @Profile("bench-sampling")
  static class City {

    private static final String[] SURNAMES = {
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
      "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "欧阳"
    };
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅德福美玲晓燕";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AccountProvisioning accounts;
    private final SamplingSetup provisioning;
    private final SamplingSites sites;
    private final NatCodes natCodes;
    private final PopulationRegister register;
    private final Environment environment;

    City(
        DataSource dataSource,
        JdbcClient jdbc,
        AccountProvisioning accounts,
        SamplingSetup provisioning,
        SamplingSites sites,
        NatCodes natCodes,
        PopulationRegister register,
        Environment environment) {
      this.dataSource = dataSource;
      this.jdbc = jdbc;
      this.accounts = accounts;
      this.provisioning = provisioning;
      this.sites = sites;
      this.natCodes = natCodes;
      this.register = register;
      this.environment = environment;
    }

    /** Person i: a resident ID unique by i (birth day and sequence), with its check digit. */
    static String documentNumber(int i) {
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

    static String name(int i) {
      var random = new SplittableRandom(i * 31L + 7);
      return SURNAMES[random.nextInt(SURNAMES.length)]
          + GIVEN.charAt(random.nextInt(GIVEN.length()))
          + (random.nextInt(4) == 0
              ? ""
              : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
    }

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
      int people = environment.getProperty("suishen.bench.people", Integer.class, 1_000_000);
      int requests = environment.getProperty("suishen.bench.requests", Integer.class, 300_000);
      Path folder = Path.of(environment.getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      long started = System.nanoTime();
      List<UUID> ids = loadRegister(people);
      System.out.printf(
          "BENCH register: %d people in %.1f s%n", people, (System.nanoTime() - started) / 1e9);

      Actor bench = Actor.system("bench");
      List<String> terminals = new ArrayList<>();
      for (int t = 0; t < TERMINALS; t++) {
        terminals.add(terminal(t));
        accounts.ensureDevice(
            terminal(t), "bench terminal", Role.SAMPLING_TERMINAL, PASSWORD, bench);
      }
      accounts.ensureStaff(SAMPLER, "bench sampler", PASSWORD, List.of(Role.SAMPLER), bench);
      var assigned = new ArrayList<>(terminals);
      assigned.add(SAMPLER);
      provisioning.ensureSite(
          SITE, "徐汇区天平街道基准采样点", "徐汇区天平路 1 号", "徐汇区", "天平路街道", "天平社区", assigned, bench);
      for (String terminal : terminals) {
        sites.signOn(terminal, Actor.staff(SAMPLER));
      }

      // pooled tubes of ten; tube t belongs to terminal t mod 16
      int tubes = (requests + 9) / 10;
      Instant now = Instant.now();
      List<String> barcodes = new ArrayList<>(tubes);
      for (int t = 0; t < tubes; t++) {
        barcodes.add(TubeBarcode.of(90_000_000_000L + t).value());
      }
      for (int from = 0; from < tubes; from += 10_000) {
        List<String> chunk = barcodes.subList(from, Math.min(tubes, from + 10_000));
        jdbc.sql(
                "INSERT INTO tube (barcode, site_code, capacity, members, opened_at, opened_by)"
                    + " SELECT b, ?, 10, 0, ?, ? FROM unnest(?::text[]) AS b")
            .params(
                SITE, Timestamp.from(now), "device:" + terminal(0), chunk.toArray(String[]::new))
            .update();
      }

      // every person once: request i registers person (i * 7919) mod people, a bijection
      String[] auth = new String[TERMINALS];
      for (int t = 0; t < TERMINALS; t++) {
        auth[t] =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (terminal(t) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      }
      long natStarted = System.nanoTime();
      int nat = 0;
      Path tmp = folder.resolve("sampling-requests.tmp");
      try (BufferedWriter out = Files.newBufferedWriter(tmp)) {
        for (int i = 0; i < requests; i++) {
          int person = (int) ((i * 7919L) % people);
          int tube = i % tubes;
          int kind = i % 20;
          String body;
          if (kind < 12) {
            var p = register.find(ids.get(person)).orElseThrow();
            String token = natCodes.generate(p, Actor.citizen("bench"), null).token();
            nat++;
            body = "{\"credentialKind\":\"CODE\",\"payload\":\"" + token + "\"";
          } else {
            String kindName = kind < 17 ? "ID_CARD" : "TYPED_NUMBER";
            body =
                "{\"credentialKind\":\""
                    + kindName
                    + "\",\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                    + documentNumber(person)
                    + "\",\"name\":\""
                    + name(person)
                    + "\"";
          }
          body += ",\"idempotencyKey\":\"bench-registration-" + i + "\"}";
          out.write(barcodes.get(tube) + "\t" + auth[tube % TERMINALS] + "\t" + body + "\n");
        }
      }
      System.out.printf(
          "BENCH NAT codes: %d in %.1f s%n", nat, (System.nanoTime() - natStarted) / 1e9);
      jdbc.sql("ANALYZE").update();
      Files.move(tmp, folder.resolve("sampling-requests.tsv"), StandardCopyOption.ATOMIC_MOVE);
      System.out.println("BENCH READY " + folder.resolve("sampling-requests.tsv").toAbsolutePath());
    }

    /** The register, by COPY in chunks: what an import writes, without its checks. */
    private List<UUID> loadRegister(int people) throws Exception {
      List<UUID> ids = new ArrayList<>(people);
      try (var connection = dataSource.getConnection()) {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var rows = new StringBuilder();
        String now = Instant.now().toString();
        for (int i = 0; i < people; i++) {
          UUID id = UUID.randomUUID();
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
}
