-- Retention of appeal evidence (docs/appeals.md, "Evidence retention"; MISSION X1): the files of a decided
-- appeal are deleted a configured time after the answer. A purged file keeps its row as a tombstone: name,
-- type, size and SHA-256 stay (the record still proves what the reviewer saw), the bytes are gone
-- (content NULL) and purged_at says when.
ALTER TABLE appeal_evidence
  ALTER COLUMN content DROP NOT NULL,
  ADD COLUMN purged_at TIMESTAMPTZ,
  ADD CONSTRAINT appeal_evidence_purged CHECK ((content IS NULL) = (purged_at IS NOT NULL));

-- the purge job looks only at files still held (pending appeals and answers within the limit): small
CREATE INDEX appeal_evidence_held_idx ON appeal_evidence (appeal_id) WHERE purged_at IS NULL;
