-- A sampler signs on at a sampling terminal of their site (from their own logged-in session): the
-- terminal's registrations then record that sampler too, until sign-off, another sampler's sign-on
-- or the end of the shift (expires_at).
CREATE TABLE terminal_sign_on (
  terminal     TEXT        PRIMARY KEY,
  sampler      TEXT        NOT NULL,
  signed_on_at TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL
);
