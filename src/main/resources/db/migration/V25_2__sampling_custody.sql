-- Chain of custody (issue 12, S4): sealed tubes are packed into a transfer box (转运箱) at the site,
-- handed to transport and received by a lab, which checks the tubes against the box's list.

CREATE TABLE transfer_box (
  barcode     TEXT        PRIMARY KEY,
  site_code   TEXT        NOT NULL REFERENCES sampling_site (code),
  packed_at   TIMESTAMPTZ NOT NULL,
  packed_by   TEXT        NOT NULL,
  handed_at   TIMESTAMPTZ,
  handed_by   TEXT,
  courier     TEXT,
  received_at TIMESTAMPTZ,
  received_by TEXT,
  CHECK (received_at IS NULL OR handed_at IS NOT NULL)
);

-- The box's list: a tube travels in one box only (the key).
CREATE TABLE box_tube (
  tube_barcode TEXT PRIMARY KEY REFERENCES tube (barcode),
  box_barcode  TEXT NOT NULL REFERENCES transfer_box (barcode)
);
CREATE INDEX box_tube_box ON box_tube (box_barcode);

-- Where a tube is in the lab: received (or damaged) by which lab, when.
ALTER TABLE tube ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE tube ADD COLUMN received_by TEXT;
ALTER TABLE tube ADD COLUMN damaged BOOLEAN NOT NULL DEFAULT FALSE;

-- What the lab's receipt found against the list: never silently dropped.
CREATE TABLE box_discrepancy (
  box_barcode  TEXT        NOT NULL REFERENCES transfer_box (barcode),
  tube_barcode TEXT        NOT NULL,
  kind         TEXT        NOT NULL CHECK (kind IN ('MISSING', 'EXTRA', 'DAMAGED')),
  recorded_at  TIMESTAMPTZ NOT NULL,
  recorded_by  TEXT        NOT NULL,
  PRIMARY KEY (box_barcode, tube_barcode)
);
