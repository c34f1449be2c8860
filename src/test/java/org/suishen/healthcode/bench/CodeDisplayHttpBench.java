package org.suishen.healthcode.bench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.SuishenApplication;
import org.suishen.sampling.bench.BenchCity;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.SessionSignIn;

/**
 * The application as {@code bench/code-display} runs it: a city's morning of code displays (the
 * busiest call of all). Embedded throw-away database (fsync and synchronous_commit on), profiles
 * {@code test} (development adapters), {@code bench} (the baseline {@code GET /api/bench/empty},
 * see {@link ScanHttpBench}) and {@code bench-code}: a register of {@code people} (1 million by
 * default) by COPY, a health declaration each, stored statuses for about 10 % yellow and 1 % red;
 * then {@code sessions} (100 000) distinct citizens signed in over HTTP, as the log-in does it (a
 * session in PostgreSQL), their session cookies written one a line to {@code
 * <results>/code-sessions.txt}.
 *
 * <p>Arguments: port, results folder, people, sessions.
 */
public final class CodeDisplayHttpBench {

  private CodeDisplayHttpBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18084;
    String results = args.length > 1 ? args[1] : "bench/results";
    String people = args.length > 2 ? args[2] : "1000000";
    String sessions = args.length > 3 ? args[3] : "100000";
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test", "bench", "bench-code")
        .run(
            "--server.port=" + port,
            "--suishen.database.embedded.data-directory=",
            "--suishen.healthcode.generated-master-key-file=",
            // the test profile switches the status cache off; production has it on
            "--suishen.status.cache.enabled=true",
            "--server.servlet.session.timeout=2h",
            "--logging.level.root=WARN",
            "--suishen.bench.results=" + results,
            "--suishen.bench.people=" + people,
            "--suishen.bench.sessions=" + sessions);
  }

  /** Signs the bench's citizens in: a session as the log-in makes one (public under /login). */
  @RestController
  @Profile("bench-code")
  static class SignIn {

    private final SessionSignIn citizens;

    SignIn(SessionSignIn citizens) {
      this.citizens = citizens;
    }

    @GetMapping("/login/bench/citizen")
    Map<String, Boolean> citizen(
        @RequestParam UUID person, HttpServletRequest request, HttpServletResponse response) {
      citizens.signIn(
          new CitizenPrincipal(UUID.randomUUID(), "13800000000", person), request, response);
      return Map.of("ok", true);
    }
  }

  @Component
  @Profile("bench-code")
  static class City {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Environment environment;

    City(DataSource dataSource, JdbcClient jdbc, Environment environment) {
      this.dataSource = dataSource;
      this.jdbc = jdbc;
      this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
      int people = environment.getProperty("suishen.bench.people", Integer.class, 1_000_000);
      int sessions = environment.getProperty("suishen.bench.sessions", Integer.class, 100_000);
      int port = environment.getRequiredProperty("local.server.port", Integer.class);
      if (sessions > people) {
        throw new IllegalArgumentException("more sessions than people: one session a person");
      }
      Path folder = Path.of(environment.getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      long started = System.nanoTime();
      List<UUID> ids = BenchCity.loadRegister(dataSource, people);
      System.out.printf(
          "BENCH register: %d people in %.1f s%n", people, (System.nanoTime() - started) / 1e9);

      started = System.nanoTime();
      BenchCity.declareEveryone(jdbc);
      // about 10 % yellow and 1 % red, the others green
      int coloured = BenchCity.colourSome(jdbc);
      jdbc.sql("ANALYZE").update();
      System.out.printf(
          "BENCH declarations: %d, stored statuses (yellow or red): %d, in %.1f s%n",
          people, coloured, (System.nanoTime() - started) / 1e9);

      // distinct people spread over the register: session i is person (i * 7919) mod people
      started = System.nanoTime();
      String[] cookies = new String[sessions];
      var http = HttpClient.newHttpClient();
      int threads = 8;
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        var done = new ArrayList<Future<?>>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = first; i < sessions; i += threads) {
                      UUID person = ids.get((int) ((i * 7919L) % people));
                      cookies[i] = signIn(http, port, person);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      System.out.printf(
          "BENCH sessions: %d citizens signed in in %.1f s%n",
          sessions, (System.nanoTime() - started) / 1e9);

      Path tmp = folder.resolve("code-sessions.tmp");
      try (BufferedWriter out = Files.newBufferedWriter(tmp)) {
        for (String cookie : cookies) {
          out.write(cookie + "\n");
        }
      }
      Files.move(tmp, folder.resolve("code-sessions.txt"), StandardCopyOption.ATOMIC_MOVE);
      System.out.println("BENCH READY " + folder.resolve("code-sessions.txt").toAbsolutePath());
    }

    private static String signIn(HttpClient http, int port, UUID person) throws Exception {
      var response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/login/bench/citizen?person=" + person))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("sign-in: " + response.statusCode());
      }
      // the session's cookie among those set (the CSRF token's comes too)
      String cookie =
          response.headers().allValues("set-cookie").stream()
              .filter(c -> c.startsWith("SESSION="))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("sign-in: no session cookie"));
      return cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }
  }
}
