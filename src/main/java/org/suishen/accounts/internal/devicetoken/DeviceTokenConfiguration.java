package org.suishen.accounts.internal.devicetoken;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The device-token key, from {@code suishen.accounts.device-tokens.key} (every node the same).
 * Without one the application does not start, unless {@code generate-key} is on (demo and test
 * profiles), which makes one per start and warns.
 */
@Configuration(proxyBeanMethods = false)
class DeviceTokenConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DeviceTokenConfiguration.class);

  @Bean
  DeviceTokens deviceTokens(DeviceTokenProperties properties) {
    String configured = properties.key();
    if (configured == null || configured.isBlank()) {
      if (!properties.generateKey()) {
        throw new IllegalStateException(
            "suishen.accounts.device-tokens.key (SUISHEN_DEVICE_TOKEN_KEY) is not set: Base64 of"
                + " at least 32 random bytes, the same on every node (e.g. `openssl rand -base64"
                + " 32`). Development only: suishen.accounts.device-tokens.generate-key=true");
      }
      log.warn(
          "Device tokens: no key configured, one generated for this process only (development;"
              + " set suishen.accounts.device-tokens.key in production)");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return new DeviceTokens(key);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(configured.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "suishen.accounts.device-tokens.key is not Base64 (of at least 32 random bytes)", e);
    }
    if (key.length < 32) {
      throw new IllegalStateException(
          "suishen.accounts.device-tokens.key has " + key.length + " bytes; at least 32 needed");
    }
    return new DeviceTokens(key);
  }

  @Bean
  DeviceTokenRevocations deviceTokenRevocations(
      JdbcClient jdbc, Clock clock, DeviceTokenProperties properties) {
    return new DeviceTokenRevocations(jdbc, clock, properties);
  }

  @Bean
  DeviceTokenService deviceTokenService(
      DeviceTokens tokens,
      DeviceTokenRevocations revocations,
      DeviceTokenProperties properties,
      Clock clock) {
    return new DeviceTokenService(tokens, revocations, properties, clock);
  }
}
