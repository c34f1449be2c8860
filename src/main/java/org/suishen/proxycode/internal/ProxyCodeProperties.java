package org.suishen.proxycode.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The proxy code's figures (prefix {@code suishen.proxycode}; defaults in application.yaml).
 *
 * @param validity how long one showing of a proxy code is valid (like the live code, H4)
 * @param refreshAfter the proxy code page fetches a new code after this
 */
@ConfigurationProperties("suishen.proxycode")
public record ProxyCodeProperties(
    @DefaultValue("60s") Duration validity, @DefaultValue("30s") Duration refreshAfter) {

  public ProxyCodeProperties {
    if (!validity.isPositive() || !refreshAfter.isPositive()) {
      throw new IllegalArgumentException(
          "suishen.proxycode.validity and refresh-after must be positive");
    }
  }
}
