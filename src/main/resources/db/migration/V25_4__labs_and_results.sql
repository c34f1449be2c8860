-- Labs, their results per tube, the people recalled, and infants registered by hand (issue 12).

-- A testing lab (检测机构) and the lab staff who work at it (one lab each).
CREATE TABLE lab (
  code       TEXT        PRIMARY KEY,
  name       TEXT        NOT NULL,
  opened_at  TIMESTAMPTZ NOT NULL,
  opened_by  TEXT        NOT NULL
);
CREATE TABLE lab_member (
  login       TEXT        PRIMARY KEY,
  lab_code    TEXT        NOT NULL REFERENCES lab (code),
  assigned_at TIMESTAMPTZ NOT NULL,
  assigned_by TEXT        NOT NULL
);

-- Which lab received the tube (only that lab may report it), and its one final result.
ALTER TABLE tube ADD COLUMN lab_code TEXT REFERENCES lab (code);
ALTER TABLE tube ADD COLUMN result TEXT CHECK (result IN ('NEGATIVE', 'POSITIVE', 'INVALID'));
ALTER TABLE tube ADD COLUMN resulted_at TIMESTAMPTZ;
ALTER TABLE tube ADD COLUMN resulted_by TEXT;
ALTER TABLE tube ADD CONSTRAINT tube_result_needs_lab CHECK (result IS NULL OR lab_code IS NOT NULL);
-- the authority's dashboard counts tubes of a day by state
CREATE INDEX tube_opened ON tube (opened_at);

-- Who brought the person to the table: the holder of a proxy code, the parent of an infant; told of
-- a recall too (the person may have no phone).
ALTER TABLE sampling_registration ADD COLUMN guardian_person_id UUID;

-- An infant without any document, registered by hand by a parent (001 Q12): a provisional person
-- linked to that parent, so the result reaches the parent's view. Reused when the same parent brings
-- the same child again (same name and birth date).
CREATE TABLE provisional_person (
  id               UUID        PRIMARY KEY,
  parent_person_id UUID        NOT NULL,
  name             TEXT        NOT NULL,
  sex              TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  birth_date       DATE        NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  created_by       TEXT        NOT NULL,
  site_code        TEXT        NOT NULL REFERENCES sampling_site (code),
  UNIQUE (parent_person_id, name, birth_date)
);

-- People recalled by a result: a positive pooled tube (RETEST: single-tube retest) or an invalid tube
-- (RESAMPLE); listed for the community of the sampling site until a result of a later sample of
-- theirs comes.
CREATE TABLE sampling_recall (
  person_id          UUID        NOT NULL,
  tube_barcode       TEXT        NOT NULL REFERENCES tube (barcode),
  kind               TEXT        NOT NULL CHECK (kind IN ('RETEST', 'RESAMPLE')),
  sampled_at         TIMESTAMPTZ NOT NULL,
  site_code          TEXT        NOT NULL REFERENCES sampling_site (code),
  guardian_person_id UUID,
  recalled_at        TIMESTAMPTZ NOT NULL,
  settled_at         TIMESTAMPTZ,
  PRIMARY KEY (person_id, tube_barcode)
);
CREATE INDEX sampling_recall_open ON sampling_recall (site_code, recalled_at) WHERE settled_at IS NULL;
CREATE INDEX sampling_recall_person_open ON sampling_recall (person_id) WHERE settled_at IS NULL;
