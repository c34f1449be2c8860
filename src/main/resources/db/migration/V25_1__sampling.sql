-- Mass-testing sampling (issue 12, MISSION S1-S4): sites, the sampling staff and terminals assigned to
-- them, tubes and the registrations into them.

-- A sampling site (采样点): where people are sampled; the district / street / community it belongs to
-- decide who is called about its tubes (never the person's home address).
CREATE TABLE sampling_site (
  code       TEXT        PRIMARY KEY,
  name       TEXT        NOT NULL,
  address    TEXT        NOT NULL,
  district   TEXT        NOT NULL,
  street     TEXT        NOT NULL,
  community  TEXT        NOT NULL,
  opened_at  TIMESTAMPTZ NOT NULL,
  opened_by  TEXT        NOT NULL,
  closed_at  TIMESTAMPTZ,
  closed_by  TEXT
);

-- Which site a sampler (staff:login) or a sampling terminal (device:id) works at: one at a time.
CREATE TABLE sampling_assignment (
  actor       TEXT        PRIMARY KEY,
  site_code   TEXT        NOT NULL REFERENCES sampling_site (code),
  assigned_at TIMESTAMPTZ NOT NULL,
  assigned_by TEXT        NOT NULL
);

-- A tube (试管) with its pre-printed barcode, single (capacity 1) or pooled (5, 10, 20), opened at a
-- site and sealed when full or by hand; nothing is added to a sealed tube.
CREATE TABLE tube (
  barcode    TEXT        PRIMARY KEY,
  site_code  TEXT        NOT NULL REFERENCES sampling_site (code),
  capacity   SMALLINT    NOT NULL CHECK (capacity > 0),
  members    SMALLINT    NOT NULL DEFAULT 0 CHECK (members >= 0 AND members <= capacity),
  opened_at  TIMESTAMPTZ NOT NULL,
  opened_by  TEXT        NOT NULL,
  sealed_at  TIMESTAMPTZ,
  sealed_by  TEXT
);

-- Who is in an open tube right now: a person is in at most one open tube (S4), so the same person
-- twice in one tube and one person in two open tubes are both refused by this key, also when two
-- terminals register them at the same moment. Rows leave at sealing and at withdrawal.
CREATE TABLE open_tube_member (
  person_id       UUID PRIMARY KEY,
  tube_barcode    TEXT NOT NULL REFERENCES tube (barcode),
  registration_id UUID NOT NULL
);
CREATE INDEX open_tube_member_tube ON open_tube_member (tube_barcode);

-- Every registration of a person into a tube: 25 million on a round's day, partitioned by day
-- (SamplingPartitions creates the days ahead; the default partition only catches what no day took).
CREATE TABLE sampling_registration (
  registered_at TIMESTAMPTZ NOT NULL,
  id            UUID        NOT NULL,
  tube_barcode  TEXT        NOT NULL,
  person_id     UUID        NOT NULL,
  site_code     TEXT        NOT NULL,
  -- from the session that registered, never from the person's profile: the terminal (device id)
  -- and/or the sampler (staff login)
  terminal      TEXT,
  sampler       TEXT,
  credential    TEXT        NOT NULL,
  withdrawn_at  TIMESTAMPTZ,
  PRIMARY KEY (registered_at, id),
  CHECK (terminal IS NOT NULL OR sampler IS NOT NULL)
) PARTITION BY RANGE (registered_at);
CREATE TABLE sampling_registration_default PARTITION OF sampling_registration DEFAULT;
CREATE INDEX sampling_registration_tube ON sampling_registration (tube_barcode);
CREATE INDEX sampling_registration_person ON sampling_registration (person_id, registered_at DESC);

-- A terminal's idempotency keys: a registration sent again (a retry after a timeout, a queue uploaded
-- after an outage) answers as the first time and records nothing twice.
CREATE TABLE sampling_idempotency (
  actor           TEXT        NOT NULL,
  key             TEXT        NOT NULL,
  registration_id UUID        NOT NULL,
  registered_at   TIMESTAMPTZ NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (actor, key)
);
