package org.suishen.healthcode.internal.code;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suishen.shared.cache.PersonRowCache;
import org.suishen.shared.cache.RowCacheProperties;

/**
 * Each person's current code reference with the masked identity beside it, as every code display
 * reads it, kept on each node; a renewal, a first reference or a refreshed identity drops it on
 * this node at commit and on every node by the trigger's notification {@code code_subject_changed}
 * (migration V28_6). A code signed in the moment before a drop arrives carries a withdrawn
 * reference, which every scan refuses: a stale copy fails closed.
 */
@Component
class CodeSubjectCache extends PersonRowCache<Optional<JdbcCodeSubjects.Current>> {

  static final String CHANNEL = "code_subject_changed";

  CodeSubjectCache(RowCacheProperties properties, MeterRegistry meters) {
    super(
        "code-subjects",
        CHANNEL,
        properties.enabled(),
        properties.maxEntries(),
        properties.maxAge(),
        meters);
  }
}
