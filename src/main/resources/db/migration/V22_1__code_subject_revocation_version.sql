-- The feed of withdrawn person references (GET /api/revocations/subjects) pages by a commit-ordered
-- version, as the NAT feed does (V21_1): revocation_version is the id (xid8) of the transaction that
-- withdrew the reference, and the feed hands out only versions below the oldest transaction still
-- running. Paging by revoked_at (an application timestamp) lost two withdrawals of the same instant
-- across a page boundary, and one that committed after a later one.
ALTER TABLE code_subject ADD COLUMN revocation_version BIGINT;
ALTER TABLE code_subject ADD CONSTRAINT code_subject_version
  CHECK (revocation_version IS NULL OR revoked_at IS NOT NULL);

-- references withdrawn before this migration: versions 1..n in the order they were withdrawn. Each
-- withdrawal had its own committed transaction, so n stays below every transaction id from now on.
UPDATE code_subject s SET revocation_version = o.version
  FROM (SELECT person_ref, row_number() OVER (ORDER BY revoked_at, person_ref) AS version
          FROM code_subject WHERE revoked_at IS NOT NULL) o
 WHERE s.person_ref = o.person_ref;

ALTER TABLE code_subject ADD CONSTRAINT code_subject_revoked_has_version
  CHECK (revoked_at IS NULL OR revocation_version IS NOT NULL);

CREATE INDEX code_subject_feed_idx ON code_subject (revocation_version)
  INCLUDE (person_ref, revoked_at) WHERE revocation_version IS NOT NULL;
DROP INDEX code_subject_revoked_idx; -- the feed no longer orders by revoked_at
