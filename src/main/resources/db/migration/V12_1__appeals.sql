-- Appeals (我要申诉, MISSION H7): a person contests a wrong colour or a wrong name; reviewers consult the
-- departments concerned and decide. Low volume next to scans: a few indexes for the person's own list,
-- the reviewers' queue and the one-open-appeal-per-kind rule.
CREATE TABLE appeal (
  id                 UUID        PRIMARY KEY,
  person_id          UUID        NOT NULL,
  kind               TEXT        NOT NULL CHECK (kind IN ('WRONG_COLOUR', 'WRONG_NAME')),
  state              TEXT        NOT NULL CHECK (state IN ('SUBMITTED', 'IN_REVIEW', 'UPHELD', 'REJECTED')),
  text               TEXT        NOT NULL,
  believed_colour    TEXT        CHECK (believed_colour IN ('GREEN', 'YELLOW', 'RED')),
  correct_name       TEXT,
  colour_at_filing   TEXT        NOT NULL CHECK (colour_at_filing IN ('GREEN', 'YELLOW', 'RED')),
  submitted_by       TEXT        NOT NULL,
  submitted_at       TIMESTAMPTZ NOT NULL,
  reviewer           TEXT,
  claimed_at         TIMESTAMPTZ,
  outcome            TEXT        CHECK (outcome IN ('UPHELD', 'REJECTED')),
  corrected_colour   TEXT        CHECK (corrected_colour IN ('GREEN', 'YELLOW', 'RED')),
  corrected_name     TEXT,
  answer             TEXT,
  decided_by         TEXT,
  decided_at         TIMESTAMPTZ,
  CONSTRAINT appeal_name_kind CHECK (kind = 'WRONG_NAME' OR correct_name IS NULL),
  CONSTRAINT appeal_claimed CHECK (state <> 'IN_REVIEW' OR reviewer IS NOT NULL),
  CONSTRAINT appeal_decided CHECK ((state IN ('UPHELD', 'REJECTED')) = (outcome IS NOT NULL))
);
-- one open appeal per kind per person (appeals.already-open), also under concurrent filings
CREATE UNIQUE INDEX appeal_open_per_kind_uq ON appeal (person_id, kind) WHERE state IN ('SUBMITTED', 'IN_REVIEW');
CREATE INDEX appeal_person_idx ON appeal (person_id);
-- the reviewers' queue, oldest first: only open appeals are indexed
CREATE INDEX appeal_queue_idx ON appeal (submitted_at) WHERE state IN ('SUBMITTED', 'IN_REVIEW');

-- Evidence files (images, PDF) in the database: committed with the appeal or not at all, backed up with it,
-- and served only to the appellant and to reviewers.
CREATE TABLE appeal_evidence (
  id           UUID        PRIMARY KEY,
  appeal_id    UUID        NOT NULL REFERENCES appeal (id),
  position     SMALLINT    NOT NULL,
  file_name    TEXT        NOT NULL,
  content_type TEXT        NOT NULL,
  size_bytes   INTEGER     NOT NULL,
  sha256       BYTEA       NOT NULL,
  content      BYTEA       NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX appeal_evidence_appeal_idx ON appeal_evidence (appeal_id);
-- the files are already compressed (JPEG, PNG, WebP, PDF): store them out of line without recompressing
ALTER TABLE appeal_evidence ALTER COLUMN content SET STORAGE EXTERNAL;

-- Reviewers' notes of their consultations with the departments concerned (never shown to the person).
CREATE TABLE appeal_consultation (
  id           UUID        PRIMARY KEY,
  appeal_id    UUID        NOT NULL REFERENCES appeal (id),
  department   TEXT        NOT NULL,
  question     TEXT        NOT NULL,
  answer       TEXT        NOT NULL,
  consulted_at TIMESTAMPTZ NOT NULL,
  recorded_by  TEXT        NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX appeal_consultation_appeal_idx ON appeal_consultation (appeal_id);
