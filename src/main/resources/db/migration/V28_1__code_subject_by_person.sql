-- A corrected name (CorrectedNamesOnCodes) and a person's codes are found by person: the partial
-- unique index covers only the live row, so without this every correction read all of a city's
-- code subjects (25 M rows), live and superseded.
CREATE INDEX code_subject_person ON code_subject (person_id);
