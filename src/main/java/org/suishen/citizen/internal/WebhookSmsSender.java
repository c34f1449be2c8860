package org.suishen.citizen.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.suishen.citizen.sms.SmsDeliveryException;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.shared.masking.Masking;

/**
 * Production adapter ({@code suishen.citizen.sms.adapter=webhook}): posts {@code {"phone": ...,
 * "text": ...}} as JSON to the SMS gateway's URL with a bearer token. Any answer other than 2xx,
 * and any timeout, is a failed delivery.
 */
class WebhookSmsSender implements SmsSender {

  private final RestClient client;

  WebhookSmsSender(CitizenProperties.Webhook webhook) {
    URI url = webhookUrl(webhook.url());
    var http = HttpClient.newBuilder().connectTimeout(positive(webhook.connectTimeout())).build();
    var requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(positive(webhook.readTimeout()));
    var builder = RestClient.builder().requestFactory(requests).baseUrl(url.toString());
    if (!webhook.token().isBlank()) {
      builder.defaultHeader("Authorization", "Bearer " + webhook.token());
    }
    this.client = builder.build();
  }

  @Override
  public void send(String phone, String text) {
    try {
      client
          .post()
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("phone", phone, "text", text))
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientException e) {
      throw new SmsDeliveryException(
          "SMS gateway refused or unreachable for " + Masking.phone(phone), e);
    }
  }

  private static URI webhookUrl(String configured) {
    try {
      URI url = URI.create(configured.strip());
      if (url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalStateException(
        "suishen.citizen.sms.webhook.url must be an http(s) URL when"
            + " suishen.citizen.sms.adapter=webhook");
  }

  private static Duration positive(Duration d) {
    return d.isZero() || d.isNegative() ? Duration.ofSeconds(5) : d;
  }
}
