-- The audit trail's hash chain and its protection.
--
-- Writers only INSERT (in their own transaction, no lock). A single sealer (one node at a time,
-- guarded by an advisory lock) later takes committed unsealed rows in id order and sets chain_seq and
-- hash once: hash = SHA-256(previous hash || canonical encoding of the entry incl. chain_seq).

-- The sealer's work queue: only rows still waiting for their seal are in this index, so it stays tiny.
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE chain_seq IS NULL;

-- Search by subject, newest first, with keyset pagination (subject, id < cursor).
DROP INDEX audit_event_subject_idx;
CREATE INDEX audit_event_subject_id_idx ON audit_event (subject, id) WHERE subject IS NOT NULL;

-- Time-range searches: entries arrive in time order, so a BRIN index (a few pages, almost free on
-- insert) narrows a range to the right blocks.
CREATE INDEX audit_event_occurred_brin ON audit_event USING brin (occurred_at);

-- The end of the chain as the sealer left it. The sealer continues from here (not from the highest
-- chain_seq still present), so that deleting the newest sealed entries leaves a detectable gap.
CREATE TABLE audit_chain_head (
  singleton BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  chain_seq BIGINT      NOT NULL,
  hash      BYTEA       NOT NULL,
  sealed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO audit_chain_head (singleton, chain_seq, hash, sealed_at)
VALUES (TRUE, 0, decode(repeat('00', 32), 'hex'), now());

-- Append-only: no DELETE, no TRUNCATE, and the only UPDATE allowed is the sealer's one-time setting
-- of chain_seq and hash on a row that has neither, leaving every other column as it was.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.chain_seq IS NULL AND OLD.hash IS NULL
       AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND NEW.id = OLD.id
       AND NEW.occurred_at = OLD.occurred_at
       AND NEW.actor = OLD.actor
       AND NEW.action = OLD.action
       AND NEW.subject IS NOT DISTINCT FROM OLD.subject
       AND NEW.reason = OLD.reason
       AND NEW.detail IS NOT DISTINCT FROM OLD.detail THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
