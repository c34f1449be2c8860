-- Population register imports: one row per uploaded file, progress updated while it is read.
CREATE TABLE register_import (
  id             UUID        PRIMARY KEY,
  file_name      TEXT        NOT NULL,
  started_by     TEXT        NOT NULL,
  status         TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  phase          TEXT        NOT NULL CHECK (phase IN ('QUEUED', 'READING', 'MERGING', 'FINISHED')),
  bytes_total    BIGINT      NOT NULL,
  bytes_read     BIGINT      NOT NULL DEFAULT 0,
  rows_read      BIGINT      NOT NULL DEFAULT 0,
  rows_rejected  BIGINT      NOT NULL DEFAULT 0,
  rows_merged    BIGINT      NOT NULL DEFAULT 0,
  rows_inserted  BIGINT      NOT NULL DEFAULT 0,
  failure        TEXT,
  started_at     TIMESTAMPTZ NOT NULL,
  updated_at     TIMESTAMPTZ NOT NULL,
  finished_at    TIMESTAMPTZ
);
CREATE INDEX register_import_started_idx ON register_import (started_at DESC);

-- Rows refused by an import: line number, stable reason code, the column or the first line of a
-- duplicate, and the masked document number (no names, no full numbers).
CREATE TABLE register_import_rejection (
  import_id UUID   NOT NULL REFERENCES register_import (id) ON DELETE CASCADE,
  line      BIGINT NOT NULL,
  reason    TEXT   NOT NULL,
  detail    TEXT,
  document  TEXT,
  PRIMARY KEY (import_id, line)
);
