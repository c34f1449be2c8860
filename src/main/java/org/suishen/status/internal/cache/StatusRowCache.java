package org.suishen.status.internal.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suishen.shared.cache.PersonRowCache;
import org.suishen.status.internal.StatusProperties;
import org.suishen.status.internal.StoredStatus;

/**
 * A node's status rows (also "no row": green, nothing known) for the code display, dropped by the
 * notification {@code health_status_changed} of the triggers of migration V28_4 and at once by a
 * commit on this node ({@link PersonRowCache}).
 */
@Component
public class StatusRowCache extends PersonRowCache<Optional<StoredStatus>> {

  static final String CHANNEL = "health_status_changed";

  StatusRowCache(StatusProperties properties, MeterRegistry meters) {
    super(
        "status-rows",
        CHANNEL,
        properties.cache().enabled(),
        properties.cache().maxEntries(),
        properties.cache().maxAge(),
        meters);
  }
}
