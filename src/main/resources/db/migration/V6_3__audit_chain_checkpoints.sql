-- Scheduled verification of the audit trail's hash chain (docs/audit.md).
--
-- One row per verified stretch of the chain: the job continues from the newest VERIFIED row (its
-- position and hash), never from the beginning. A BROKEN row records where the chain did not hold
-- (chain_seq/hash are then the last good position before the break). Rows are few (one per
-- checkpoint batch or run), so the primary key is the only index: "newest" is ORDER BY id DESC.
CREATE TABLE audit_chain_checkpoint (
  id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_seq     BIGINT      NOT NULL CHECK (chain_seq >= 0),
  hash          BYTEA       NOT NULL CHECK (length(hash) = 32),
  status        TEXT        NOT NULL CHECK (status IN ('VERIFIED', 'BROKEN')),
  verified_at   TIMESTAMPTZ NOT NULL,
  entries       BIGINT      NOT NULL CHECK (entries >= 0),
  broken_seq    BIGINT,
  broken_id     BIGINT,
  problem       TEXT,
  -- when and where this head was published outside the database (AuditAnchor); NULL: not anchored
  anchored_at   TIMESTAMPTZ,
  anchored_to   TEXT,
  CHECK ((status = 'BROKEN') = (broken_seq IS NOT NULL AND problem IS NOT NULL))
);
