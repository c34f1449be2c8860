-- The scan records (who read whose code, X1) are partitioned by city day from here on: a day's
-- partition is made ahead by healthcode's ScanRecordPartitions and dropped as a whole past
-- suishen.healthcode.scan.retention. The rows so far are not copied: the table becomes the default
-- partition as it is (no rewrite, no validation: a default partition without siblings takes
-- anything); the upkeep moves a day's rows out of it when it makes that day and deletes the rows
-- past the retention.
ALTER TABLE scan_record RENAME TO scan_record_default;
ALTER INDEX scan_record_person_idx RENAME TO scan_record_default_person_idx;
ALTER INDEX scan_record_time_brin RENAME TO scan_record_default_time_brin;

CREATE TABLE scan_record (LIKE scan_record_default INCLUDING DEFAULTS) PARTITION BY RANGE (scanned_at);
ALTER TABLE scan_record ATTACH PARTITION scan_record_default DEFAULT;

-- made on the parent: each partition gets its own, and the default partition's existing ones are
-- attached rather than built again
CREATE INDEX scan_record_person_idx ON scan_record (person_id, scanned_at) WHERE person_id IS NOT NULL;
CREATE INDEX scan_record_time_brin ON scan_record USING brin (scanned_at);
