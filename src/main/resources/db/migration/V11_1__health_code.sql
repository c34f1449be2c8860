-- Health code (MISSION H3-H6): signing keys, the opaque references codes carry, and the scan log.

-- Signing keys. Secrets are AES-256-GCM encrypted under the configured master key. Several keys verify
-- at once; exactly one signs (enforced by the partial unique index). Key ids fit the token's 16 bits.
CREATE SEQUENCE signing_key_id_seq AS INT MINVALUE 1 MAXVALUE 65535 NO CYCLE;
CREATE TABLE signing_key (
  key_id          INT         PRIMARY KEY CHECK (key_id BETWEEN 1 AND 65535),
  algorithm       TEXT        NOT NULL,
  public_key      BYTEA       NOT NULL,
  private_key_enc BYTEA       NOT NULL,
  hmac_secret_enc BYTEA       NOT NULL,
  status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'VERIFY_ONLY', 'RETIRED')),
  created_at      TIMESTAMPTZ NOT NULL,
  activated_at    TIMESTAMPTZ,
  verify_until    TIMESTAMPTZ,
  retired_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX signing_key_one_active_uq ON signing_key (status) WHERE status = 'ACTIVE';

-- The random reference a code carries instead of a person's identity (never derived from identity data).
-- One current reference per person; a renewed (revoked) reference stays, so that its old codes are refused
-- as "revoked" rather than "unknown-person". 25 million rows: primary key + one partial unique index.
-- masked_name / masked_document: the masked identity staff see on a scan, refreshed whenever a code is
-- issued, so that a scan needs one lookup here instead of one more in the population register.
CREATE TABLE code_subject (
  person_ref      UUID        PRIMARY KEY,
  person_id       UUID        NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  revoked_at      TIMESTAMPTZ,
  masked_name     TEXT,
  masked_document TEXT
);
CREATE UNIQUE INDEX code_subject_person_uq ON code_subject (person_id) WHERE revoked_at IS NULL;
CREATE INDEX code_subject_revoked_idx ON code_subject (revoked_at) WHERE revoked_at IS NOT NULL;

-- Every scan, accepted or not: the access log of who read whose code (MISSION X1). Hundreds of millions
-- of rows a day, written in group commits: no primary key, one B-tree (auditors look up by person) and a
-- BRIN on time. In production partition it by day (PARTITION BY RANGE (scanned_at)) and drop old days.
CREATE TABLE scan_record (
  scanned_at TIMESTAMPTZ NOT NULL,
  scanner    TEXT        NOT NULL,
  purpose    TEXT,
  location   TEXT,
  result     TEXT        NOT NULL,
  code_type  TEXT,
  person_ref UUID,
  person_id  UUID,
  colour     TEXT
);
CREATE INDEX scan_record_person_idx ON scan_record (person_id, scanned_at) WHERE person_id IS NOT NULL;
CREATE INDEX scan_record_time_brin ON scan_record USING brin (scanned_at);
