package org.suishen.status.internal.cache;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only ({@code bench/code-display}): switches this node's status cache on or off, so that
 * one run measures the code display with and without it.
 */
@RestController
@Profile("bench-code")
class StatusCacheSwitch {

  private final StatusRowCache cache;

  StatusCacheSwitch(StatusRowCache cache) {
    this.cache = cache;
  }

  @GetMapping("/api/bench/status-cache")
  Map<String, Object> set(@RequestParam boolean enabled) {
    cache.enable(enabled);
    return Map.of("enabled", enabled, "answering", cache.answering());
  }
}
