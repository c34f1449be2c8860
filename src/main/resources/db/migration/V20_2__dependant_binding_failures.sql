-- Failed attempts to bind a dependant (docs/dependants.md, "Attempt limit"): a document and name that
-- match nobody in the register, or a person who may not be bound. Limited per holder, so that nobody can
-- find out who exists by trying. Holds only the holder's person id, the time and the refusal code;
-- rows older than the window are deleted hourly.
CREATE TABLE dependant_binding_failure (
  holder_id UUID        NOT NULL,
  failed_at TIMESTAMPTZ NOT NULL,
  reason    TEXT        NOT NULL
);
CREATE INDEX dependant_binding_failure_idx ON dependant_binding_failure (holder_id, failed_at);
