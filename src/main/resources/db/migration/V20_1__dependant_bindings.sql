-- Dependants (MISSION R1-R3): a holder (a registered citizen) bound to a dependant (a minor, an elderly
-- person, a person who cannot apply alone). Both are person ids of the population register. Written once
-- per binding, read on every proxy action (isBound): lookups go through the (holder, dependant) index.
CREATE TABLE dependant_binding (
  id              UUID        PRIMARY KEY,
  holder_id       UUID        NOT NULL,
  dependant_id    UUID        NOT NULL,
  kind            TEXT        NOT NULL CHECK (kind IN ('MINOR', 'ELDERLY', 'SPECIAL_GROUP')),
  evidence        TEXT        NOT NULL CHECK (evidence IN ('HOUSEHOLD_REGISTER', 'UPLOADED_PAGE')),
  state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'REMOVED')),
  requested_at    TIMESTAMPTZ NOT NULL,
  requested_by    TEXT        NOT NULL,
  approved_at     TIMESTAMPTZ,
  decided_at      TIMESTAMPTZ,
  decided_by      TEXT,
  decision_reason TEXT,
  removed_at      TIMESTAMPTZ,
  removed_by      TEXT,
  removal_reason  TEXT,
  CONSTRAINT dependant_binding_not_self CHECK (holder_id <> dependant_id),
  CONSTRAINT dependant_binding_approved CHECK (state <> 'APPROVED' OR approved_at IS NOT NULL)
);
-- at most one pending or approved binding per holder and dependant; serves isBound and the holder's list
CREATE UNIQUE INDEX dependant_binding_active_uq ON dependant_binding (holder_id, dependant_id)
  WHERE state IN ('PENDING', 'APPROVED');
-- the holder's history (recent rejections shown with their reason)
CREATE INDEX dependant_binding_holder_idx ON dependant_binding (holder_id);
-- the review queue, oldest first: small, only pending rows
CREATE INDEX dependant_binding_pending_idx ON dependant_binding (requested_at) WHERE state = 'PENDING';

-- The uploaded household-register page of a binding that needed review (image or PDF, at most a few MB).
CREATE TABLE dependant_evidence (
  binding_id  UUID        PRIMARY KEY REFERENCES dependant_binding (id),
  format      TEXT        NOT NULL CHECK (format IN ('JPEG', 'PNG', 'PDF')),
  size_bytes  INTEGER     NOT NULL,
  sha256      BYTEA       NOT NULL,
  content     BYTEA       NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);
