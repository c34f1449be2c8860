-- The authority's population register: who exists. 25 million rows: three indexes only
-- (primary key, document, household).
CREATE TABLE person (
  id                     UUID        PRIMARY KEY,
  document_type          TEXT        NOT NULL,
  document_number        TEXT        NOT NULL,
  name                   TEXT        NOT NULL,
  name_normalised        TEXT        NOT NULL,
  sex                    CHAR(1)     NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date             DATE        NOT NULL,
  household_id           TEXT,
  district               TEXT,
  photo_file             TEXT,
  disability_certificate BOOLEAN     NOT NULL DEFAULT FALSE,
  registered_at          TIMESTAMPTZ NOT NULL,
  updated_at             TIMESTAMPTZ NOT NULL,
  CONSTRAINT person_document_uq UNIQUE (document_type, document_number)
);
CREATE INDEX person_household_idx ON person (household_id) WHERE household_id IS NOT NULL;
