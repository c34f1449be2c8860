-- Append-only audit trail. Entries are inserted in the caller's transaction; a single sealer later gives
-- each committed entry its place in the hash chain (chain_seq, hash), so that writers never queue on a lock.
CREATE TABLE audit_event (
  id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor       TEXT        NOT NULL,
  action      TEXT        NOT NULL,
  subject     UUID,
  reason      TEXT        NOT NULL,
  detail      TEXT,
  chain_seq   BIGINT      UNIQUE,
  hash        BYTEA
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject) WHERE subject IS NOT NULL;
