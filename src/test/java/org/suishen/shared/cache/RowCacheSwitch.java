package org.suishen.shared.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only ({@code bench/code-display}): switches this node's row caches (status, register,
 * declaration, code reference) on or off, so that one run measures the code display with and
 * without them, and says how often each answered.
 */
@RestController
@Profile("bench-code")
class RowCacheSwitch {

  private final List<PersonRowCache<?>> caches;

  RowCacheSwitch(List<PersonRowCache<?>> caches) {
    this.caches = caches;
  }

  @GetMapping("/api/bench/caches")
  Map<String, Object> set(@RequestParam boolean enabled) {
    var answering = new LinkedHashMap<String, Object>();
    for (PersonRowCache<?> cache : caches) {
      cache.enable(enabled);
      answering.put(cache.channel(), cache.answering());
    }
    return Map.of("enabled", enabled, "answering", answering);
  }

  /** "health_status_changed=0.99 person_changed=0.99 ...": the share of reads each answered. */
  @GetMapping(path = "/api/bench/caches/hits", produces = "text/plain")
  String hits() {
    var line = new StringBuilder();
    for (PersonRowCache<?> cache : caches) {
      line.append(cache.channel())
          .append('=')
          .append(String.format(java.util.Locale.ROOT, "%.3f", cache.hitRate()))
          .append(' ');
    }
    return line.toString().strip();
  }
}
