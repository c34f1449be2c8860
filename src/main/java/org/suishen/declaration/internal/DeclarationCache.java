package org.suishen.declaration.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.shared.cache.PersonRowCache;
import org.suishen.shared.cache.RowCacheProperties;

/**
 * Each person's latest declaration (also "none yet") as the code display's issuance gate reads it,
 * kept on each node; a new declaration drops it on this node at commit and on every node by the
 * trigger's notification {@code health_declaration_changed} (migration V28_6).
 */
@Component
class DeclarationCache extends PersonRowCache<Optional<HealthDeclaration>> {

  static final String CHANNEL = "health_declaration_changed";

  DeclarationCache(RowCacheProperties properties, MeterRegistry meters) {
    super(
        "latest-declarations",
        CHANNEL,
        properties.enabled(),
        properties.maxEntries(),
        properties.maxAge(),
        meters);
  }
}
