package org.suishen.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The service worker of a terminal page (the sampler's table, a venue's sentinel): one script,
 * {@code terminal/offline-worker.js}, told which page it keeps and which styles and scripts with
 * it. Served from the page's own path, so that its scope is the page.
 */
public final class TerminalWorker {

  private static final String SCRIPT = read();

  private TerminalWorker() {}

  /**
   * @param name the terminal's name (its cache is {@code suishen-<name>-v1})
   * @param page the page's path below the application's root, e.g. {@code sampling}
   * @param assets styles and scripts below the root, e.g. {@code js/terminal.js}
   */
  public static ResponseEntity<String> of(String name, String page, List<String> assets) {
    String settings =
        "var TERMINAL = {name: '%s', page: '%s', assets: [%s]};\n"
            .formatted(
                name,
                page,
                assets.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", ")));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .header("Service-Worker-Allowed", "/")
        .body(settings + SCRIPT);
  }

  private static String read() {
    try {
      return new ClassPathResource("terminal/offline-worker.js")
          .getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
