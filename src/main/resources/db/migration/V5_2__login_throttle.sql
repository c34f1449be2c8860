-- Failed staff and device logins (docs/accounts.md, "Login throttling"): one row per login name or per
-- client address with recent failures. Written only on a failed login (and deleted by a successful one,
-- an administrator's unlock or the hourly clean-up), read with the account row on every login. Small:
-- rows older than the longest window / cool-down are deleted.
CREATE TABLE login_throttle (
  -- hex SHA-256 of 'LOGIN:' + the normalised login name or 'ADDRESS:' + the client address, so that a
  -- password typed into the name field is not kept readable
  key          TEXT        PRIMARY KEY,
  scope        TEXT        NOT NULL CHECK (scope IN ('LOGIN', 'ADDRESS')),
  -- LOGIN: the account of that name when there is one (administrators' list); NULL for unknown names
  account_id   UUID,
  -- ADDRESS: the client address (IPv6: its /64 network), so that an administrator can lift the lock
  address      TEXT,
  failures     INTEGER     NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  locked_until TIMESTAMPTZ,
  updated_at   TIMESTAMPTZ NOT NULL
);
