-- Venues (issue 14, MISSION D1-D3, O9-O11): venues with their rules, the sentinels and staff bound to
-- them, the city-wide rules laid over a kind of venue, and the passage log.

-- A venue (场所): where people are checked at the door. Its venue code (场所码) is a random reference
-- printed on its poster; rotating it voids every copy of the old poster.
CREATE TABLE venue (
  id            UUID        PRIMARY KEY,
  name          TEXT        NOT NULL,
  address       TEXT        NOT NULL,
  district      TEXT        NOT NULL,
  street        TEXT        NOT NULL,
  community     TEXT        NOT NULL,
  kind          TEXT        NOT NULL,
  -- the staff login of the venue's manager
  manager       TEXT        NOT NULL,
  venue_code    TEXT        NOT NULL UNIQUE,
  code_rotated_at TIMESTAMPTZ NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL,
  registered_by TEXT        NOT NULL
);
CREATE INDEX venue_manager ON venue (manager);

-- The venue's own rule (data, not code): one row per venue, replaced as a whole.
CREATE TABLE venue_rule (
  venue_id               UUID        PRIMARY KEY REFERENCES venue (id),
  admitted_colours       TEXT[]      NOT NULL,
  negative_within_hours  SMALLINT    CHECK (negative_within_hours > 0),
  sampled_within_hours   SMALLINT    CHECK (sampled_within_hours > 0),
  max_temperature        NUMERIC(3, 1) NOT NULL,
  -- what a sentinel does with an ID card while the centre cannot be reached: REFUSE or ADMIT_FLAGGED
  offline_id_card        TEXT        NOT NULL,
  changed_at             TIMESTAMPTZ NOT NULL,
  changed_by             TEXT        NOT NULL
);

-- A rule the authority lays over every venue of a kind from a moment on (e.g. all public places: a 72 h
-- negative from 2022-06-06); the stricter of it and the venue's own rule wins.
CREATE TABLE city_venue_rule (
  id                     UUID        PRIMARY KEY,
  kind                   TEXT        NOT NULL,
  effective_from         TIMESTAMPTZ NOT NULL,
  admitted_colours       TEXT[]      NOT NULL,
  negative_within_hours  SMALLINT    CHECK (negative_within_hours > 0),
  sampled_within_hours   SMALLINT    CHECK (sampled_within_hours > 0),
  max_temperature        NUMERIC(3, 1) NOT NULL,
  reason                 TEXT        NOT NULL,
  set_at                 TIMESTAMPTZ NOT NULL,
  set_by                 TEXT        NOT NULL,
  withdrawn_at           TIMESTAMPTZ,
  withdrawn_by           TEXT
);
CREATE INDEX city_venue_rule_kind ON city_venue_rule (kind) WHERE withdrawn_at IS NULL;

-- Which venue a sentinel (device:id) or a member of staff (staff:login) works at: one at a time.
CREATE TABLE venue_member (
  actor       TEXT        PRIMARY KEY,
  venue_id    UUID        NOT NULL REFERENCES venue (id),
  assigned_at TIMESTAMPTZ NOT NULL,
  assigned_by TEXT        NOT NULL
);
CREATE INDEX venue_member_venue ON venue_member (venue_id);

-- Every passage, admitted or refused: hundreds of millions a day in a city, partitioned by day
-- (PassagePartitions creates the days ahead and drops the days past the retention, audited).
CREATE TABLE passage (
  passed_at    TIMESTAMPTZ NOT NULL,
  id           UUID        NOT NULL,
  venue_id     UUID        NOT NULL,
  -- SENTINEL, STAFF_CHECK or SELF_SCAN: a self-scan is a claim, not a proof
  provenance   TEXT        NOT NULL,
  -- device:id, staff:login or citizen:account
  recorded_by  TEXT        NOT NULL,
  -- null when the credential named nobody (forged, unknown)
  person_id    UUID,
  credential   TEXT        NOT NULL,
  admitted     BOOLEAN     NOT NULL,
  reason       TEXT        NOT NULL,
  colour       TEXT,
  temperature  NUMERIC(3, 1),
  -- decided by the device while the centre could not be reached, uploaded later
  offline      BOOLEAN     NOT NULL DEFAULT FALSE,
  PRIMARY KEY (passed_at, id)
) PARTITION BY RANGE (passed_at);
CREATE TABLE passage_default PARTITION OF passage DEFAULT;
CREATE INDEX passage_venue ON passage (venue_id, passed_at);
CREATE INDEX passage_person ON passage (person_id, passed_at) WHERE person_id IS NOT NULL;

-- A device's idempotency keys: a passage uploaded again answers as the first time, recorded once.
CREATE TABLE passage_idempotency (
  actor      TEXT        NOT NULL,
  key        TEXT        NOT NULL,
  passage_id UUID        NOT NULL,
  passed_at  TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (actor, key)
);
CREATE INDEX passage_idempotency_created ON passage_idempotency (created_at);
