-- Notices also go out on a channel (the citizen context texts them): delivered_at marks the ones a channel
-- took. The notices written before this version were shown on the status page only and stay so.
ALTER TABLE status_notice ADD COLUMN delivered_at TIMESTAMPTZ;
UPDATE status_notice SET delivered_at = created_at;
-- the delivery job's queue: only the undelivered rows are indexed
CREATE INDEX status_notice_undelivered_idx ON status_notice (id) WHERE delivered_at IS NULL;
