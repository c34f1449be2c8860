-- Per-person daily write counts (shared/limits/PersonWriteLimits): how many NAT codes, declarations,
-- appeals and binding requests a person made on one city day, so that a script cannot repeat them
-- without end (each NAT regeneration adds a row to the feed every terminal downloads). An upsert in
-- the write's own transaction: the row lock orders a person's concurrent writes and a refused write
-- rolls its count back. Bounded (one row per person and kind for today and yesterday; older days are
-- deleted hourly), so not partitioned.
CREATE TABLE person_write_count (
  person_id  UUID NOT NULL,
  write_kind TEXT NOT NULL,
  day        DATE NOT NULL,
  writes     INT  NOT NULL CHECK (writes > 0),
  PRIMARY KEY (person_id, write_kind, day)
);
CREATE INDEX person_write_count_day_idx ON person_write_count (day);
