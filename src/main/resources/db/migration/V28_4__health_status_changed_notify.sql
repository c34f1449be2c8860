-- Every write of health_status tells every node which people changed (NOTIFY is transactional: it
-- is delivered at commit, never for a rollback), so that the nodes' caches of status rows (the code
-- display reads them, status.internal.cache) drop them at once. One notification per statement: the
-- person ids comma-separated for up to 100 rows (3.7 kB of the 8 kB a payload may carry), '*' for a
-- larger statement (a feed, a sweep, a rules change: every node drops its whole cache).
CREATE FUNCTION health_status_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n BIGINT;
  ids TEXT;
BEGIN
  SELECT count(*) INTO n FROM changed;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n <= 100 THEN
    SELECT string_agg(person_id::text, ',') INTO ids FROM changed;
    PERFORM pg_notify('health_status_changed', ids);
  ELSE
    PERFORM pg_notify('health_status_changed', '*');
  END IF;
  RETURN NULL;
END
$$;

-- a trigger with a transition table has one event only: three of them
CREATE TRIGGER health_status_inserted AFTER INSERT ON health_status
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION health_status_changed_notify();
CREATE TRIGGER health_status_updated AFTER UPDATE ON health_status
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION health_status_changed_notify();
CREATE TRIGGER health_status_deleted AFTER DELETE ON health_status
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION health_status_changed_notify();
