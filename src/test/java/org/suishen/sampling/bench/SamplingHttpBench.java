package org.suishen.sampling.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
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
    var settings =
        new ArrayList<>(
            List.of(
                "--server.port=" + port,
                "--suishen.database.embedded.data-directory=",
                "--suishen.healthcode.generated-master-key-file=",
                // the caches of production (the test profile has them off)
                "--suishen.status.cache.enabled=true",
                "--suishen.row-caches.enabled=true",
                // one device token per terminal for the whole run (production: 10 minutes, then the
                // next)
                "--suishen.accounts.device-tokens.validity=2h",
                "--logging.level.root=WARN",
                "--suishen.bench.results=" + results,
                "--suishen.bench.people=" + people,
                "--suishen.bench.requests=" + requests));
    // further arguments are settings of the run (an experiment: --suishen.row-caches.enabled=false)
    // (replacing the default of the same name: a setting given twice would read "true,false")
    for (String extra : List.of(args).subList(Math.min(4, args.length), args.length)) {
      String name = extra.substring(0, extra.indexOf('=') + 1);
      settings.removeIf(setting -> !name.isEmpty() && setting.startsWith(name));
      settings.add(extra);
    }
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test", "bench", "bench-sampling")
        .run(settings.toArray(String[]::new));
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

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
      int people = environment.getProperty("suishen.bench.people", Integer.class, 1_000_000);
      int requests = environment.getProperty("suishen.bench.requests", Integer.class, 300_000);
      Path folder = Path.of(environment.getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      long started = System.nanoTime();
      List<UUID> ids = BenchCity.loadRegister(dataSource, people);
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
      // each terminal exchanges its secret for a device token once, as a terminal does, and sends
      // the token with every registration
      String[] auth = new String[TERMINALS];
      int port = environment.getRequiredProperty("local.server.port", Integer.class);
      var http = java.net.http.HttpClient.newHttpClient();
      for (int t = 0; t < TERMINALS; t++) {
        String basic =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (terminal(t) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var answer =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/device/token"))
                    .header("Authorization", basic)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var token =
            java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
          throw new IllegalStateException(
              "device token: " + answer.statusCode() + " " + answer.body());
        }
        auth[t] = "Bearer " + token.group(1);
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
                    + BenchCity.documentNumber(person)
                    + "\",\"name\":\""
                    + BenchCity.name(person)
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
  }
}
