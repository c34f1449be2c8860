package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.suishen.citizen.sms.SmsDeliveryException;
import tools.jackson.databind.json.JsonMapper;

/** The webhook adapter against a tiny local HTTP server standing in for the SMS gateway. */
class WebhookSmsSenderTest {

  record Received(String method, String authorization, String contentType, String body) {}

  private HttpServer server;
  private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/sms",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopGateway() {
    release.countDown();
    server.stop(0);
  }

  private WebhookSmsSender sender(String path, String token, Duration readTimeout) {
    return new WebhookSmsSender(
        new CitizenProperties.Webhook(
            "http://127.0.0.1:" + server.getAddress().getPort() + path,
            token,
            Duration.ofSeconds(2),
            readTimeout));
  }

  @Test
  void postsPhoneAndTextAsJsonWithTheBearerToken() {
    sender("/sms", "s3cret", Duration.ofSeconds(5)).send("13812345678", "验证码 123456");

    assertThat(received).hasSize(1);
    var request = received.getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.authorization()).isEqualTo("Bearer s3cret");
    assertThat(request.contentType()).startsWith("application/json");
    var json = JsonMapper.builder().build().readTree(request.body());
    assertThat(json.get("phone").asString()).isEqualTo("13812345678");
    assertThat(json.get("text").asString()).isEqualTo("验证码 123456");
  }

  @Test
  void aGatewayErrorIsAFailedDelivery() {
    status = 503;
    var sender = sender("/sms", "s3cret", Duration.ofSeconds(5));
    assertThatThrownBy(() -> sender.send("13812345678", "x"))
        .isInstanceOf(SmsDeliveryException.class)
        .hasMessageContaining("138****5678")
        .hasMessageNotContaining("13812345678");
  }

  @Test
  void aGatewayThatDoesNotAnswerInTimeIsAFailedDelivery() {
    var sender = sender("/slow", "", Duration.ofMillis(200));
    assertThatThrownBy(() -> sender.send("13812345678", "x"))
        .isInstanceOf(SmsDeliveryException.class);
  }

  @Test
  void anUnreachableGatewayIsAFailedDelivery() {
    int port = server.getAddress().getPort();
    server.stop(0);
    var sender =
        new WebhookSmsSender(
            new CitizenProperties.Webhook(
                "http://127.0.0.1:" + port + "/sms",
                "",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
    assertThatThrownBy(() -> sender.send("13812345678", "x"))
        .isInstanceOf(SmsDeliveryException.class);
  }

  @Test
  void refusesToStartWithoutAUsableUrl() {
    for (String url : new String[] {"", "not a url", "ftp://gateway/sms", "/relative"}) {
      assertThatThrownBy(
              () ->
                  new WebhookSmsSender(
                      new CitizenProperties.Webhook(
                          url, "", Duration.ofSeconds(1), Duration.ofSeconds(1))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("suishen.citizen.sms.webhook.url");
    }
  }
}
