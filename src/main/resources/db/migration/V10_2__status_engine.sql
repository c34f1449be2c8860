-- The health status engine: the facts a colour is computed from, the append-only history of every
-- change, authority feeds, manual changes with two-person approval and the notices sent to people.
-- Sized for a city of 25 million: hot tables carry their primary key and at most one more index.

-- health_status (V10_1) is the last published status. due_at: when it must be evaluated again,
-- because a fact changed (set to the change time) or a rule's time runs out (e.g. a yellow code's
-- 14 days). A row that is due is evaluated at read time, so a read is right before the sweep ran.
-- due_cause/due_by: what marked it due (e.g. feed:<id> by staff:wang.li), for the history entry
-- whoever evaluates it writes; NULL when only time runs out.
ALTER TABLE health_status
  ADD COLUMN due_at      TIMESTAMPTZ,
  ADD COLUMN due_cause   TEXT,
  ADD COLUMN due_by      TEXT,
  ADD COLUMN updated_at  TIMESTAMPTZ,
  ADD COLUMN fingerprint TEXT;
CREATE INDEX health_status_due_idx ON health_status (due_at) WHERE due_at IS NOT NULL;

-- Every change of a person's status, with who or what caused it. Append-only.
CREATE TABLE health_status_history (
  id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id        UUID        NOT NULL,
  colour           TEXT        NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
  previous_colour  TEXT        NOT NULL CHECK (previous_colour IN ('GREEN', 'YELLOW', 'RED')),
  rule             TEXT        NOT NULL,
  reason           TEXT        NOT NULL,
  source           TEXT        NOT NULL,
  redeclare_notice BOOLEAN     NOT NULL,
  effective_at     TIMESTAMPTZ NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL,
  caused_by        TEXT        NOT NULL, -- an actor: staff:wang.li, system:status-sweep, ...
  cause            TEXT        NOT NULL  -- feed:<id>, manual:<id>, appeal:<id>, expiry, sample, ...
);
CREATE INDEX health_status_history_person_idx ON health_status_history (person_id, id);

CREATE FUNCTION health_status_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'health_status_history is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER health_status_history_append_only
  BEFORE UPDATE OR DELETE ON health_status_history
  FOR EACH ROW EXECUTE FUNCTION health_status_history_append_only();
CREATE TRIGGER health_status_history_no_truncate
  BEFORE TRUNCATE ON health_status_history
  FOR EACH STATEMENT EXECUTE FUNCTION health_status_history_append_only();

-- Medical-management orders from the health authority, keyed by the authority's order id.
-- ends_at: discharged (CONFIRMED), excluded (SUSPECTED), released (QUARANTINE, ISOLATION).
CREATE TABLE medical_order (
  order_id    TEXT        PRIMARY KEY,
  person_id   UUID        NOT NULL,
  kind        TEXT        NOT NULL CHECK (kind IN ('CONFIRMED', 'SUSPECTED', 'ISOLATION', 'QUARANTINE')),
  starts_at   TIMESTAMPTZ NOT NULL,
  ends_at     TIMESTAMPTZ,
  source      TEXT        NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL,
  feed_id     UUID,
  CONSTRAINT medical_order_ends_after_start CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX medical_order_person_idx ON medical_order (person_id);

-- The authority's key-region list: a region is "key" for arrivals on days from valid_from to
-- valid_to (inclusive; open when NULL). Small.
CREATE TABLE key_region (
  region_code TEXT        NOT NULL,
  valid_from  DATE        NOT NULL,
  valid_to    DATE,
  name        TEXT        NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL,
  feed_id     UUID,
  PRIMARY KEY (region_code, valid_from),
  CONSTRAINT key_region_to_after_from CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Arrivals in the city, from the authority's feed and from health declarations.
CREATE TABLE region_arrival (
  person_id   UUID        NOT NULL,
  region_code TEXT        NOT NULL,
  arrived_on  DATE        NOT NULL,
  source      TEXT        NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL,
  feed_id     UUID,
  PRIMARY KEY (person_id, region_code, arrived_on)
);
-- a change of the key-region list re-evaluates the recent arrivals from the regions concerned
CREATE INDEX region_arrival_region_idx ON region_arrival (region_code, arrived_on);

-- The latest test sample per person (for the optional no-recent-test rule).
CREATE TABLE latest_sample (
  person_id UUID        PRIMARY KEY,
  taken_at  TIMESTAMPTZ NOT NULL
);

-- The authority's request to declare again, and the person's latest declaration.
CREATE TABLE declaration_state (
  person_id              UUID PRIMARY KEY,
  redeclare_requested_at TIMESTAMPTZ,
  declared_at            TIMESTAMPTZ
);

-- Manual colour changes with a legal basis: proposed by one officer, approved or rejected by another.
-- Upheld appeals take the same path (kind APPEAL, approved by the appeal reviewer).
CREATE TABLE manual_status_change (
  id            UUID        PRIMARY KEY,
  person_id     UUID        NOT NULL,
  kind          TEXT        NOT NULL CHECK (kind IN ('MANUAL', 'APPEAL')),
  colour        TEXT        NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
  reason_code   TEXT        NOT NULL,
  evidence      TEXT        NOT NULL,
  evidence_file TEXT,
  valid_until   TIMESTAMPTZ,
  appeal_id     UUID        UNIQUE,
  state         TEXT        NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'REJECTED')),
  proposed_by   TEXT        NOT NULL,
  proposed_at   TIMESTAMPTZ NOT NULL,
  decided_by    TEXT,
  decided_at    TIMESTAMPTZ,
  decision_note TEXT,
  CONSTRAINT manual_status_change_two_people CHECK (kind = 'APPEAL' OR decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX manual_status_change_person_idx ON manual_status_change (person_id);
CREATE INDEX manual_status_change_pending_idx ON manual_status_change (proposed_at) WHERE state = 'PROPOSED';

-- What a person is told about their status (readable by the person).
CREATE TABLE status_notice (
  id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id    UUID        NOT NULL,
  kind         TEXT        NOT NULL,
  message_code TEXT        NOT NULL,
  reference    TEXT,
  created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_notice_person_idx ON status_notice (person_id, id);

-- One authority feed (upload or API call) and its outcome; rejected rows with line and reason code.
CREATE TABLE status_feed (
  id               UUID        PRIMARY KEY,
  kind             TEXT        NOT NULL,
  file_name        TEXT,
  submitted_by     TEXT        NOT NULL,
  received_at      TIMESTAMPTZ NOT NULL,
  applied_at       TIMESTAMPTZ, -- facts committed: reads give the new statuses from here on
  finished_at      TIMESTAMPTZ, -- every status touched evaluated, persisted and published
  rows_total       INT         NOT NULL,
  rows_changed     INT         NOT NULL,
  rows_unchanged   INT         NOT NULL,
  rows_rejected    INT         NOT NULL,
  people_touched   INT         NOT NULL,
  statuses_changed INT
);
CREATE INDEX status_feed_received_idx ON status_feed (received_at);

CREATE TABLE status_feed_rejection (
  feed_id UUID NOT NULL REFERENCES status_feed (id),
  line    INT  NOT NULL,
  code    TEXT NOT NULL,
  PRIMARY KEY (feed_id, line)
);

-- The engine's own settings: the fingerprint of the rule configuration the stored statuses were
-- computed with (a change re-evaluates everyone in the background).
CREATE TABLE status_engine_state (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
