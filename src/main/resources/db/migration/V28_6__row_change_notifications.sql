-- The code display reads three more rows per citizen besides the status: the register's person,
-- the latest health declaration and the current code reference. Each node keeps them
-- (shared.cache.PersonRowCache) and drops them when a trigger here notifies, at commit, which people
-- changed (as V28_4 does for health_status): the person ids comma-separated for up to 100 rows,
-- '*' beyond. The channel is the trigger's first argument, the person column its second.
CREATE FUNCTION person_rows_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n BIGINT;
  ids TEXT;
BEGIN
  SELECT count(*) INTO n FROM (SELECT 1 FROM changed LIMIT 101) c;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n <= 100 THEN
    EXECUTE format('SELECT string_agg(DISTINCT %I::text, '','') FROM changed', TG_ARGV[1]) INTO ids;
    PERFORM pg_notify(TG_ARGV[0], ids);
  ELSE
    PERFORM pg_notify(TG_ARGV[0], '*');
  END IF;
  RETURN NULL;
END
$$;

-- for a table whose statements are large (a register import copies millions of rows, which a
-- transition table would hold again) and for TRUNCATE: everyone
CREATE FUNCTION all_rows_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '*');
  RETURN NULL;
END
$$;

-- the register: imports and name corrections, rare and often large
CREATE TRIGGER person_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION all_rows_changed_notify('person_changed');

-- declarations: one person at a time
CREATE TRIGGER health_declaration_inserted AFTER INSERT ON health_declaration
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION person_rows_changed_notify('health_declaration_changed', 'person_id');
CREATE TRIGGER health_declaration_updated AFTER UPDATE ON health_declaration
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION person_rows_changed_notify('health_declaration_changed', 'person_id');
CREATE TRIGGER health_declaration_deleted AFTER DELETE ON health_declaration
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION person_rows_changed_notify('health_declaration_changed', 'person_id');
CREATE TRIGGER health_declaration_truncated AFTER TRUNCATE ON health_declaration
  FOR EACH STATEMENT EXECUTE FUNCTION all_rows_changed_notify('health_declaration_changed');

-- code references: created at a first code, withdrawn at a renewal, identity refreshed
CREATE TRIGGER code_subject_inserted AFTER INSERT ON code_subject
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION person_rows_changed_notify('code_subject_changed', 'person_id');
CREATE TRIGGER code_subject_updated AFTER UPDATE ON code_subject
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION person_rows_changed_notify('code_subject_changed', 'person_id');
CREATE TRIGGER code_subject_deleted AFTER DELETE ON code_subject
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION person_rows_changed_notify('code_subject_changed', 'person_id');
CREATE TRIGGER code_subject_truncated AFTER TRUNCATE ON code_subject
  FOR EACH STATEMENT EXECUTE FUNCTION all_rows_changed_notify('code_subject_changed');
