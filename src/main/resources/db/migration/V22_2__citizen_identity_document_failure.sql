-- Failed real-name registration attempts per document number, so that many accounts together cannot
-- try names against one document (the per-account limit, citizen_identity_failure, alone allowed that).
-- document_key: HMAC-SHA256 (the one-time-code secret) over the document type and number; the table
-- never holds a document number.
CREATE TABLE citizen_identity_document_failure (
  document_key BYTEA       NOT NULL,
  failed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX citizen_identity_document_failure_idx
  ON citizen_identity_document_failure (document_key, failed_at);
