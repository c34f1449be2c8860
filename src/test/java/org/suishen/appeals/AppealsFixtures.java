package org.suishen.appeals;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.shared.security.CitizenPrincipal;

/** People, citizens, reviewers and evidence files for the appeals tests; unique data each time. */
public final class AppealsFixtures {

  private AppealsFixtures() {}

  public static final byte[] PNG =
      withMagic(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 64);
  public static final byte[] JPEG =
      withMagic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 64);
  public static final byte[] PDF =
      "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n"
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  public static byte[] withMagic(byte[] magic, int length) {
    byte[] content = Arrays.copyOf(magic, length);
    for (int i = magic.length; i < length; i++) {
      content[i] = (byte) i;
    }
    return content;
  }

  /** A person in the population register (name {@code 王小明}) with the given colour (or none). */
  public static UUID person(JdbcClient jdbc, String name, String colour) {
    UUID id = UUID.randomUUID();
    var random = ThreadLocalRandom.current();
    String number = "3101011985" + String.format("%07d", random.nextInt(10_000_000)) + "X";
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, district, disability_certificate, registered_at, updated_at)"
                + " VALUES (?, 'RESIDENT_ID', ?, ?, ?, 'F', DATE '1985-03-02', '黄浦区', false,"
                + " now(), now())")
        .param(id)
        .param(number)
        .param(name)
        .param(name)
        .update();
    if (colour != null) {
      jdbc.sql(
              // a published status under the engine's current rule configuration (its fingerprint),
              // so the engine serves it as it is
              "INSERT INTO health_status (person_id, colour, rule, reason, source, since,"
                  + " fingerprint) VALUES (?, ?, 'key-region-arrival', 'arrived-from-key-region',"
                  + " 'authority-feed', now() - interval '2 days',"
                  + " (SELECT value FROM status_engine_state WHERE name = 'fingerprint'))")
          .param(id)
          .param(colour)
          .update();
    }
    return id;
  }

  /** A citizen signed in with a phone and a one-time code, registered as {@code personId}. */
  public static RequestPostProcessor citizen(UUID personId) {
    return citizen(new CitizenPrincipal(UUID.randomUUID(), "13800138000", personId));
  }

  public static RequestPostProcessor citizen(CitizenPrincipal principal) {
    return authentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
  }

  public static RequestPostProcessor reviewer() {
    return httpBasic(AppealsTestConfiguration.REVIEWER, AppealsTestConfiguration.PASSWORD);
  }

  public static RequestPostProcessor otherReviewer() {
    return httpBasic(AppealsTestConfiguration.OTHER_REVIEWER, AppealsTestConfiguration.PASSWORD);
  }

  public static RequestPostProcessor auditor() {
    return httpBasic(AppealsTestConfiguration.AUDITOR, AppealsTestConfiguration.PASSWORD);
  }

  public static long count(JdbcClient jdbc, String sql, Object... params) {
    var spec = jdbc.sql(sql);
    for (Object p : params) {
      spec = spec.param(p);
    }
    return spec.query(Long.class).single();
  }
}
