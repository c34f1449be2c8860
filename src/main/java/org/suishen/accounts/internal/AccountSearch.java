package org.suishen.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.suishen.accounts.AccountKind;
import org.suishen.shared.security.Role;

/**
 * What the administrators' list shows: every part optional (null: no condition).
 *
 * @param text part of the login name or of the description (name and unit, or location), in any
 *     case; trimmed, and cut to {@value #MAX_TEXT} characters (no login or description is longer
 *     than a search that finds it)
 * @param role accounts holding this role (a staff role or a device's kind)
 */
public record AccountSearch(
    @Nullable String text,
    @Nullable AccountKind kind,
    @Nullable Role role,
    @Nullable AccountState state) {

  static final int MAX_TEXT = 200;

  public AccountSearch {
    text = text(text);
  }

  private static @Nullable String text(@Nullable String text) {
    if (text == null) {
      return null;
    }
    // PostgreSQL text cannot hold NUL: typed into a search box it would fail the query
    String stripped = text.replace("\u0000", "").strip();
    if (stripped.isEmpty()) {
      return null;
    }
    return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
  }
}
