-- Health declarations (健康信息登记): append-only, every declaration kept; the newest per person is current.
-- One secondary index, (person_id, declared_at), serves both the latest declaration and the history.
CREATE TABLE health_declaration (
  id                         UUID         PRIMARY KEY,
  person_id                  UUID         NOT NULL,
  declared_at                TIMESTAMPTZ  NOT NULL,
  symptoms                   TEXT[]       NOT NULL,
  temperature                NUMERIC(3,1) NOT NULL CHECK (temperature BETWEEN 30.0 AND 45.0),
  region_visits              JSONB        NOT NULL,
  contact_with_cases         BOOLEAN      NOT NULL,
  arriving_from_other_region BOOLEAN      NOT NULL
);
CREATE INDEX health_declaration_person_idx ON health_declaration (person_id, declared_at DESC);

CREATE FUNCTION health_declaration_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'health_declaration is append-only';
END
$$;
CREATE TRIGGER health_declaration_no_change BEFORE UPDATE OR DELETE ON health_declaration
  FOR EACH ROW EXECUTE FUNCTION health_declaration_append_only();
