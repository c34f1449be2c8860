-- Retention of uploaded household-register pages (docs/dependants.md, "Evidence retention"; MISSION X1):
-- the page of a decided or ended application is deleted a configured time after the decision or the end.
-- A purged page keeps its row as a tombstone: format, size and SHA-256 stay (the record still proves what
-- the reviewer saw), the bytes are gone (content NULL) and purged_at says when.
ALTER TABLE dependant_evidence
  ALTER COLUMN content DROP NOT NULL,
  ADD COLUMN purged_at TIMESTAMPTZ,
  ADD CONSTRAINT dependant_evidence_purged CHECK ((content IS NULL) = (purged_at IS NOT NULL));

-- the purge job looks only at pages still held (pending and recent applications): small
CREATE INDEX dependant_evidence_held_idx ON dependant_evidence (uploaded_at) WHERE purged_at IS NULL;
