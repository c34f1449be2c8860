-- Staff accounts (people, one or more staff roles) and device accounts (kiosks, sampling terminals,
-- venue sentinels: exactly one device role). Both log in with a login name (staff username or device
-- id) and a password or generated secret, stored only as a DelegatingPasswordEncoder hash.
-- A city has thousands of staff and up to a few hundred thousand devices: one index (the login).
CREATE TABLE account (
  id                  UUID        PRIMARY KEY,
  kind                TEXT        NOT NULL CHECK (kind IN ('STAFF', 'DEVICE')),
  -- "C" collation: byte order, so that the unique index also serves prefix searches (LIKE 'kiosk-%')
  login               TEXT        COLLATE "C" NOT NULL,
  description         TEXT        NOT NULL DEFAULT '',
  roles               TEXT[]      NOT NULL,
  password_hash       TEXT        NOT NULL,
  enabled             BOOLEAN     NOT NULL DEFAULT TRUE,
  -- raised on every change of the credentials or of the enabled flag: sessions opened before are ended
  credentials_version INT         NOT NULL DEFAULT 1,
  created_at          TIMESTAMPTZ NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  CONSTRAINT account_login_uq UNIQUE (login),
  CONSTRAINT account_has_role CHECK (cardinality(roles) >= 1),
  CONSTRAINT account_device_one_role CHECK (kind = 'STAFF' OR cardinality(roles) = 1)
);
