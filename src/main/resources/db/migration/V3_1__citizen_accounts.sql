-- Citizen accounts: one per mobile number; person_id is set by real-name registration (one account per
-- person). Up to ~25 million rows: the primary key and the two unique constraints are the only indexes.
CREATE TABLE citizen_account (
  id         UUID        PRIMARY KEY,
  phone      TEXT        NOT NULL,
  person_id  UUID,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CONSTRAINT citizen_account_phone_uq  UNIQUE (phone),
  CONSTRAINT citizen_account_person_uq UNIQUE (person_id)
);
