-- The status history and the delivered notices are kept for a time (suishen.status.retention), then
-- deleted by the nightly StatusRetention job. The history stays append-only for everything else: the
-- job alone says, for its own transaction, that its deletes are the retention's
-- (set_config('suishen.retention', 'status-history', true)); an update or a truncate is refused as
-- before.
CREATE OR REPLACE FUNCTION health_status_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('suishen.retention', true) = 'status-history' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'health_status_history is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- rows are appended in time order: a BRIN index finds the oldest days at a few pages' cost
CREATE INDEX health_status_history_recorded_brin ON health_status_history USING brin (recorded_at);
CREATE INDEX status_notice_created_brin ON status_notice USING brin (created_at);
