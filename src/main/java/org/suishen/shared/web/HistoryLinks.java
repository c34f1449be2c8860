package org.suishen.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "newest" and "older" links of a history page paged by a keyset cursor (decided appeals,
 * decided manual changes): they keep the filters and a size asked for, naming only those given.
 */
public final class HistoryLinks {

  private HistoryLinks() {}

  /**
   * Adds {@code newestLink} and {@code olderLink} (null on the last page) to the model.
   *
   * @param filter the page's one filter parameter (e.g. {@code outcome}), with its value or null
   */
  public static void addTo(
      Model model,
      String path,
      String filter,
      @Nullable String value,
      boolean mine,
      @Nullable Integer limit,
      @Nullable String next) {
    var link = UriComponentsBuilder.fromPath(path);
    if (value != null) {
      link.queryParam(filter, value);
    }
    if (mine) {
      link.queryParam("mine", true);
    }
    if (limit != null) {
      link.queryParam("limit", limit);
    }
    model.addAttribute("newestLink", link.build().toUriString());
    model.addAttribute(
        "olderLink",
        next == null ? null : link.cloneBuilder().queryParam("before", next).build().toUriString());
  }
}
