package org.suishen.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing the verified chain head outside the database (defaults in application.yaml).
 *
 * @param adapter {@code file}, {@code log}, or any other name with a deployment's own {@link
 *     org.suishen.audit.AuditAnchor} bean; no default (a start without it refuses)
 * @param minInterval at most one anchor per this interval
 * @param file the file the {@code file} adapter appends to
 */
@ConfigurationProperties("suishen.audit.anchor")
public record AnchorProperties(String adapter, Duration minInterval, Path file) {

  public AnchorProperties {
    if (minInterval.isNegative()) {
      throw new IllegalArgumentException("suishen.audit.anchor.min-interval >= 0");
    }
  }
}
