-- The history lists of issue 11: decided appeals for the reviewers (/review/appeals/decided) and decided
-- manual changes for the health authority (/authority/manual-changes/decided), newest decision first and
-- paged by keyset, WHERE (decided_at, id) < (cursor) ORDER BY decided_at DESC, id DESC LIMIT n. Both tables
-- only grow; without an index on the order every page would sort all decided rows to return fifty. Partial:
-- the open rows (the queues, already indexed) are left out, and each index's predicate is the one its
-- query states.
CREATE INDEX appeal_decided_idx ON appeal (decided_at, id) WHERE state IN ('UPHELD', 'REJECTED');
CREATE INDEX manual_status_change_decided_idx ON manual_status_change (decided_at, id)
  WHERE kind = 'MANUAL' AND state IN ('APPROVED', 'REJECTED');
