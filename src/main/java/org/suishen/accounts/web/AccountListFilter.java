package org.suishen.accounts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.internal.AccountSearch;
import org.suishen.accounts.internal.AccountState;
import org.suishen.shared.security.Role;

/**
 * The search and filters of the administrators' list as the page's GET parameters ({@code q},
 * {@code kind}, {@code role}, {@code state}). Lenient, as a page is: a value that names no kind,
 * role or state (an edited address, an old bookmark) means "all", never an error page; the form
 * then shows "all" too.
 */
record AccountListFilter(AccountSearch search) {

  static final String LIST = "/admin/accounts";

  static AccountListFilter of(
      @Nullable String q, @Nullable String kind, @Nullable String role, @Nullable String state) {
    Role chosen = value(role, Role::valueOf);
    return new AccountListFilter(
        new AccountSearch(
            q,
            value(kind, AccountKind::valueOf),
            chosen == Role.CITIZEN ? null : chosen,
            value(state, AccountState::valueOf)));
  }

  public String q() {
    return search.text() == null ? "" : search.text();
  }

  public String kind() {
    return search.kind() == null ? "" : search.kind().name();
  }

  public String role() {
    return search.role() == null ? "" : search.role().name();
  }

  public String state() {
    return search.state() == null ? "" : search.state().name();
  }

  public boolean any() {
    return !(q() + kind() + role() + state()).isEmpty();
  }

  /**
   * The list's address with these filters at this page. Every character but letters, digits and
   * {@code . _ -} is percent-encoded, so that it passes as a {@code back} address.
   */
  public String path(int page) {
    var query = new StringJoiner("&", "?", "").setEmptyValue("");
    add(query, "q", q());
    add(query, "kind", kind());
    add(query, "role", role());
    add(query, "state", state());
    if (page > 1) {
      add(query, "page", Integer.toString(page));
    }
    return LIST + query;
  }

  /** A page number from the address: anything but a number from 1 on is the first page. */
  static int page(@Nullable String page) {
    if (page == null || page.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void add(StringJoiner query, String name, String value) {
    if (!value.isEmpty()) {
      query.add(
          name
              + "="
              + URLEncoder.encode(value, StandardCharsets.UTF_8)
                  .replace("+", "%20")
                  .replace("*", "%2A"));
    }
  }

  private static <E extends Enum<E>> @Nullable E value(
      @Nullable String name, Function<String, E> valueOf) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return valueOf.apply(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
