-- One-time codes sent by SMS. Only a keyed hash (HMAC-SHA256) of each code is stored. Rows live a little
-- over a day (the daily limit looks back 24 hours) and are then deleted by an hourly clean-up (a sequential
-- scan of about a day of rows, so no index on created_at alone).
CREATE TABLE citizen_otp (
  id          UUID        PRIMARY KEY,
  phone       TEXT        NOT NULL,
  purpose     TEXT        NOT NULL CHECK (purpose IN ('LOGIN', 'PHONE_REBIND')),
  account_id  UUID,
  code_hash   BYTEA       NOT NULL,
  client_ip   TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  attempts    INT         NOT NULL DEFAULT 0,
  used_at     TIMESTAMPTZ
);
CREATE INDEX citizen_otp_phone_idx ON citizen_otp (phone, created_at);
CREATE INDEX citizen_otp_client_ip_idx ON citizen_otp (client_ip, created_at);

-- Failed real-name registration attempts (account id and time only), for the per-account limit.
CREATE TABLE citizen_identity_failure (
  account_id UUID        NOT NULL,
  failed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX citizen_identity_failure_idx ON citizen_identity_failure (account_id, failed_at);
