package org.suishen.offlinecode.internal.kiosk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The kiosk's figures, under {@code suishen.offline-code.kiosk}.
 *
 * @param idleTimeout a session with no touch for this long ends and the screen clears (the next
 *     person in the queue must not find the last one's session open)
 */
@ConfigurationProperties("suishen.offline-code.kiosk")
public record KioskProperties(@DefaultValue("90s") Duration idleTimeout) {

  public KioskProperties {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "suishen.offline-code.kiosk.idle-timeout must be positive");
    }
  }
}
