-- The printed offline code (离线随申码, MISSION O1-O11, issue 13): the credentials behind the static
-- 180-day tokens. A token carries a random credential id, never an identity; this table maps it to the
-- person. One current (not voided) credential per person (O7). Voiding (report lost, reissue, re-apply)
-- enters a revocation feed with the voiding transaction's id as version (as nat_credential does).
CREATE TABLE offline_credential (
  credential_id      UUID        PRIMARY KEY,
  person_id          UUID        NOT NULL,
  operation          TEXT        NOT NULL CHECK (operation IN ('FIRST', 'REISSUE', 'REAPPLY')),
  channel            TEXT        NOT NULL CHECK (channel IN ('KIOSK', 'BANK_KIOSK', 'PORTAL')),
  issued_at          TIMESTAMPTZ NOT NULL,
  expires_at         TIMESTAMPTZ NOT NULL,
  issued_by          TEXT        NOT NULL,
  voided_at          TIMESTAMPTZ,
  void_reason        TEXT        CHECK (void_reason IN ('LOST', 'REISSUED', 'REAPPLIED')),
  revocation_version BIGINT,
  key_id             INT         NOT NULL,
  masked_name        TEXT        NOT NULL,
  masked_document    TEXT        NOT NULL,
  CONSTRAINT offline_credential_window CHECK (expires_at > issued_at),
  CONSTRAINT offline_credential_void CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
-- O7: one current credential per person, in the database (two kiosks at once cannot both win)
CREATE UNIQUE INDEX offline_credential_current_uq ON offline_credential (person_id) WHERE voided_at IS NULL;
CREATE INDEX offline_credential_person ON offline_credential (person_id, issued_at DESC);
CREATE INDEX offline_credential_feed_idx ON offline_credential (revocation_version)
  INCLUDE (credential_id, expires_at) WHERE revocation_version IS NOT NULL;

-- O6: at most one application or reissue per person per calendar day (the city's day), across all
-- channels: the key refuses the second, also when two kiosks try at the same moment.
CREATE TABLE offline_code_application (
  person_id     UUID        NOT NULL,
  city_day      DATE        NOT NULL,
  credential_id UUID        NOT NULL,
  applied_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (person_id, city_day)
);
