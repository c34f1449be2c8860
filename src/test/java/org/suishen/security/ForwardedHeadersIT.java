package org.suishen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.IntegrationTest;

/**
 * Client addresses behind HAProxy: {@code X-Forwarded-For} is believed only from a configured proxy
 * ({@code server.tomcat.remoteip.internal-proxies}; the test profile names 127.0.0.2, which stands
 * for HAProxy here), so that login throttling and the one-time-code address limit count the real
 * client. From anyone else the header is ignored and the connection's address counts.
 */
@IntegrationTest
class ForwardedHeadersIT {

  private static final InetAddress PROXY = address("127.0.0.2");
  private static final InetAddress CLIENT = address("127.0.0.1");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  @AfterEach
  void forgetAddressCounts() {
    jdbc.sql("DELETE FROM login_throttle WHERE scope = 'ADDRESS'").update();
  }

  /** A failed staff log-in (HTTP Basic) sent from {@code from} with the given forwarded header. */
  private int failedLogin(InetAddress from, String forwardedFor) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString("nobody.forwarded:wrong-password".getBytes(StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts/me"))
            .header("Authorization", "Basic " + basic)
            .header("X-Forwarded-For", forwardedFor)
            .GET()
            .build();
    try (var http = HttpClient.newBuilder().localAddress(from).build()) {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private List<String> countedAddresses() {
    return jdbc.sql("SELECT address FROM login_throttle WHERE scope = 'ADDRESS' ORDER BY address")
        .query(String.class)
        .list();
  }

  @Test
  void theTrustedProxysForwardedClientAddressIsCounted() throws Exception {
    assertThat(failedLogin(PROXY, "198.51.100.23")).isEqualTo(401);
    assertThat(countedAddresses()).containsExactly("198.51.100.23");
  }

  @Test
  void anAddressTheClientForgedInFrontOfTheProxysIsIgnored() throws Exception {
    // HAProxy appends the address it saw; what the client sent before it is the client's word
    assertThat(failedLogin(PROXY, "203.0.113.66, 198.51.100.24")).isEqualTo(401);
    assertThat(countedAddresses()).containsExactly("198.51.100.24");
  }

  @Test
  void fromAnUntrustedAddressTheHeaderIsIgnored() throws Exception {
    assertThat(failedLogin(CLIENT, "198.51.100.25")).isEqualTo(401);
    assertThat(countedAddresses()).containsExactly("127.0.0.1");
  }

  @Test
  void aOneTimeCodeRequestIsCountedForTheForwardedClient() throws Exception {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login/otp"))
            .header("Content-Type", "application/json")
            // the SPA's CSRF pair: the cookie and the header carry the same token
            .header("Cookie", "XSRF-TOKEN=forwarded-headers-it")
            .header("X-XSRF-TOKEN", "forwarded-headers-it")
            .header("X-Forwarded-For", "198.51.100.26")
            .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\"}"))
            .build();
    try (var http = HttpClient.newBuilder().localAddress(PROXY).build()) {
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
    assertThat(
            jdbc.sql("SELECT client_ip FROM citizen_otp WHERE phone = ?")
                .param(phone)
                .query(String.class)
                .list())
        .containsExactly("198.51.100.26");
  }
}
