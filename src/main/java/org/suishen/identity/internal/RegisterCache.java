package org.suishen.identity.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suishen.identity.Person;
import org.suishen.shared.cache.PersonRowCache;
import org.suishen.shared.cache.RowCacheProperties;

/**
 * The register's people as the code display reads them, kept on each node; any write to the
 * register (an import, a name correction) drops them on every node (trigger {@code person_changed},
 * migration V28_6: the register changes rarely and in large statements, so every write drops all).
 */
@Component
class RegisterCache extends PersonRowCache<Optional<Person>> {

  static final String CHANNEL = "person_changed";

  RegisterCache(RowCacheProperties properties, MeterRegistry meters) {
    super(
        "register-people",
        CHANNEL,
        properties.enabled(),
        properties.maxEntries(),
        properties.maxAge(),
        meters);
  }
}
