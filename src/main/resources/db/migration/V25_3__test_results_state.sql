-- What the status engine knows of a person's test results (issue 12, S3/H2): one row per person,
-- upserted as labs report (the results themselves live with the tubes, in the sampling context).
CREATE TABLE test_result_state (
  person_id               UUID PRIMARY KEY,
  -- the sampling time of the latest negative result (single or pooled): for venue rules such as
  -- "a negative result within 48 h"
  negative_sampled_at     TIMESTAMPTZ,
  negative_reported_at    TIMESTAMPTZ,
  -- the latest single-tube result, by sampling time: a positive one is red
  single_outcome          TEXT CHECK (single_outcome IN ('NEGATIVE', 'POSITIVE')),
  single_sampled_at       TIMESTAMPTZ,
  single_reported_at      TIMESTAMPTZ,
  -- a pooled tube of this person was positive and no result of a later sample has come yet:
  -- "pending retest" (the sampling time of that pooled sample, and when it was reported)
  retest_sampled_at       TIMESTAMPTZ,
  retest_reported_at      TIMESTAMPTZ,
  updated_at              TIMESTAMPTZ NOT NULL
);
-- the people a result can still change the colour of (few): read before each fan-out batch
CREATE INDEX test_result_state_relevant ON test_result_state (person_id)
  WHERE retest_sampled_at IS NOT NULL OR single_outcome = 'POSITIVE';
