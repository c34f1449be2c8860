-- Document numbers and household ids are ASCII identifiers: compare them byte by byte (collation "C"),
-- which is what they mean and several times cheaper than a language collation in the two indexes
-- that every lookup and every register import walks.
ALTER TABLE person
  ALTER COLUMN document_type   TYPE TEXT COLLATE "C",
  ALTER COLUMN document_number TYPE TEXT COLLATE "C",
  ALTER COLUMN household_id    TYPE TEXT COLLATE "C";

-- The same uniqueness with the number first: it tells documents apart at once (almost all types are
-- RESIDENT_ID), so lookups and index builds compare fewer bytes.
ALTER TABLE person
  DROP CONSTRAINT person_document_uq,
  ADD CONSTRAINT person_document_uq UNIQUE (document_number, document_type);
