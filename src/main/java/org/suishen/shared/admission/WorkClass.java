package org.suishen.shared.admission;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The classes of work that each get their own admission budget (X2): a flood of one never takes the
 * threads and connections the others need. In Guangdong (2022-01-10) the other channels kept
 * working at 23 k requests/s because they had their own capacity.
 */
public enum WorkClass {
  /** The citizen's own or proxy code: the busiest call of all. */
  CODE_DISPLAY,
  /** Scans, sentinel decisions, venue staff checks and kiosks: a queue at a door. */
  DOOR,
  /** Sampling registration and lab uploads: a queue at a table. */
  SAMPLING,
  /** Everything else a citizen does: log-in, declarations, dependants, appeals, results. */
  CITIZEN,
  /** Staff pages and APIs: reviewers, the authority, administrators, site leads. */
  STAFF,
  /** Status feeds, revocation and key feeds, register imports: bulk work. */
  FEEDS;

  private static final Pattern PROXY_CODE = Pattern.compile("/api/me/dependants/[^/]+/code");

  /** The class of a request path; null for what needs no budget (assets, health). */
  public static @Nullable WorkClass of(String path) {
    if (path.equals("/api/me/code")
        || path.equals("/me/code")
        || PROXY_CODE.matcher(path).matches()) {
      return CODE_DISPLAY;
    }
    if (starts(path, "/api/scan", "/api/sentinel", "/api/venue-checks", "/api/kiosk")) {
      return DOOR;
    }
    if (starts(path, "/api/sampling", "/api/lab")) {
      return SAMPLING;
    }
    if (starts(path, "/api/authority/feeds", "/api/revocations", "/api/keys", "/admin/register")) {
      return FEEDS;
    }
    if (starts(path, "/api/me", "/me", "/login", "/api/login", "/register", "/api/register")) {
      return CITIZEN;
    }
    if (starts(
        path,
        "/staff",
        "/authority",
        "/admin",
        "/review",
        "/sampling",
        "/venue",
        "/lab",
        "/sentinel",
        "/kiosk",
        "/scan",
        "/api/authority",
        "/api/admin",
        "/api/review",
        "/api/audit",
        "/api/venues",
        "/api/staff",
        "/api/accounts")) {
      return STAFF;
    }
    return null;
  }

  private static boolean starts(String path, String... prefixes) {
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return true;
      }
    }
    return false;
  }
}
