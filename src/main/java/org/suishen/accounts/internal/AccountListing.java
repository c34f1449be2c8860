package org.suishen.accounts.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.accounts.AccountKind;
import org.suishen.shared.security.Role;

/**
 * The administrators' list: the database matches, counts and pages (a city has up to a few hundred
 * thousand device accounts, far too many to filter in Java). One fixed statement for every search:
 * a condition that is not asked for is bound as {@code ''} and drops out ({@code :kind = '' OR
 * ...}).
 */
@Repository
class AccountListing {

  /**
   * The {@code login_throttle} key of the account's login name: the same SHA-256 as {@link
   * ThrottleKeys#login} (stored logins are already normalised; {@code lower} as the Java side
   * does). The lock on the list is then the one a log-in meets, also for a lock counted before the
   * account existed ({@code login_throttle.account_id} is empty then).
   */
  private static final String LOGIN_KEY =
      "encode(sha256(convert_to('LOGIN:' || lower(a.login), 'UTF8')), 'hex')";

  private static final String LOCK =
      "SELECT t.locked_until FROM login_throttle t WHERE t.key = "
          + LOGIN_KEY
          + " AND t.locked_until > :now";

  private static final String MATCHING =
      " FROM account a WHERE (:kind = '' OR a.kind = :kind)"
          + " AND (:role = '' OR a.roles @> ARRAY[CAST(:role AS text)])"
          // a substring in any case; strpos, unlike LIKE, gives % and _ no meaning
          + " AND (:text = '' OR strpos(lower(a.login), lower(:text)) > 0"
          + " OR strpos(lower(a.description), lower(:text)) > 0)"
          + " AND (:state = ''"
          + " OR (:state = 'ENABLED' AND a.enabled) OR (:state = 'DISABLED' AND NOT a.enabled)"
          + " OR (:state = 'LOCKED' AND EXISTS ("
          + LOCK
          + ")))";

  private static final String PAGE =
      "SELECT a.id, a.kind, a.login, a.description, a.roles, a.enabled, a.created_at,"
          + " a.updated_at, ("
          + LOCK
          + ") AS locked_until"
          + MATCHING
          + " ORDER BY a.login LIMIT :limit OFFSET :offset";

  private static final String COUNT = "SELECT count(*)" + MATCHING;

  private final JdbcClient jdbc;

  AccountListing(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count(AccountSearch search, Instant now) {
    return jdbc.sql(COUNT).params(parameters(search, now)).query(Long.class).single();
  }

  /** The accounts at positions {@code offset + 1 ...} in login order. */
  List<ListedAccount> page(AccountSearch search, Instant now, long offset, int limit) {
    return jdbc.sql(PAGE)
        .params(parameters(search, now))
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, row) -> {
              OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
              return new ListedAccount(
                  AccountStore.account(rs), until == null ? null : until.toInstant());
            })
        .list();
  }

  private static Map<String, Object> parameters(AccountSearch search, Instant now) {
    AccountKind kind = search.kind();
    Role role = search.role();
    AccountState state = search.state();
    String text = search.text();
    return Map.of(
        "kind", kind == null ? "" : kind.name(),
        "role", role == null ? "" : role.name(),
        "text", text == null ? "" : text,
        "state", state == null ? "" : state.name(),
        "now", LoginThrottleStore.time(now));
  }
}
