-- The audit trail is partitioned by city day (occurred_at) from here on, as the scan records are: a
-- day's partition is made ahead by audit's AuditPartitions and dropped as a whole past
-- suishen.audit.retention, but only once every entry of the day is sealed and verified (the chain's
-- position and hash just before what is kept are stored first, in audit_chain_base, so that the
-- rest still verifies). The rows so far are not copied: the table becomes the default partition as
-- it is; the upkeep moves a day's rows out of it when it makes that day.
--
-- A unique index of a partitioned table must hold its partition key, so the primary key becomes
-- (id, occurred_at) and chain_seq has a plain index: ids come from one sequence, and positions from
-- the sealer alone, which advances audit_chain_head row by row under its lock in the same
-- transaction (two sealers cannot hand out one position) and rolls a batch back if any of its
-- entries was sealed meanwhile.

DROP TRIGGER audit_event_append_only ON audit_event;
DROP TRIGGER audit_event_no_truncate ON audit_event;

-- ids from a sequence of the parent (an identity column cannot be carried over to a partition; the
-- identity's own sequence goes with it)
CREATE SEQUENCE audit_event_ids AS BIGINT;
SELECT setval('audit_event_ids', coalesce((SELECT max(id) FROM audit_event), 0) + 1, false);
ALTER TABLE audit_event ALTER COLUMN id DROP IDENTITY;

ALTER TABLE audit_event RENAME TO audit_event_default;
ALTER TABLE audit_event_default DROP CONSTRAINT audit_event_pkey;
ALTER TABLE audit_event_default DROP CONSTRAINT audit_event_chain_seq_key;
ALTER INDEX audit_event_unsealed_idx RENAME TO audit_event_default_unsealed_idx;
ALTER INDEX audit_event_subject_id_idx RENAME TO audit_event_default_subject_id_idx;
ALTER INDEX audit_event_occurred_brin RENAME TO audit_event_default_occurred_brin;

CREATE TABLE audit_event (
  id          BIGINT      NOT NULL DEFAULT nextval('audit_event_ids'),
  occurred_at TIMESTAMPTZ NOT NULL,
  actor       TEXT        NOT NULL,
  action      TEXT        NOT NULL,
  subject     UUID,
  reason      TEXT        NOT NULL,
  detail      TEXT,
  chain_seq   BIGINT,
  hash        BYTEA
) PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE audit_event_ids OWNED BY audit_event.id;
ALTER TABLE audit_event ATTACH PARTITION audit_event_default DEFAULT;

-- made on the parent: each partition gets its own; the default partition's existing ones of the
-- same definition are attached rather than built again
ALTER TABLE audit_event ADD PRIMARY KEY (id, occurred_at);
CREATE INDEX audit_event_chain_seq_idx ON audit_event (chain_seq) WHERE chain_seq IS NOT NULL;
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE chain_seq IS NULL;
CREATE INDEX audit_event_subject_id_idx ON audit_event (subject, id) WHERE subject IS NOT NULL;
CREATE INDEX audit_event_occurred_brin ON audit_event USING brin (occurred_at);

-- Append-only as before, on every partition (a row trigger of the parent is cloned to each). The
-- one exception is the upkeep's own transaction (SET LOCAL suishen.audit_upkeep = 'on'): it moves
-- a day's rows out of the default partition unchanged when it makes that day, and deletes default
-- rows past the retention once they are verified. Dropping a day's partition fires no trigger;
-- only the upkeep does it, audited, under the same conditions.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('suishen.audit_upkeep', true) = 'on' THEN
    RETURN OLD;
  END IF;
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

-- Where verification starts once the oldest days are gone: the last position dropped and its hash
-- (the next kept entry links to it). Position 0 with the genesis hash: nothing dropped yet.
CREATE TABLE audit_chain_base (
  singleton   BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  chain_seq   BIGINT      NOT NULL CHECK (chain_seq >= 0),
  hash        BYTEA       NOT NULL CHECK (length(hash) = 32),
  kept_from   DATE,
  purged_at   TIMESTAMPTZ
);
INSERT INTO audit_chain_base (singleton, chain_seq, hash) VALUES (TRUE, 0, decode(repeat('00', 32), 'hex'));
