-- A person's current health status: one row per person the engine has evaluated (others are green).
CREATE TABLE health_status (
  person_id        UUID        PRIMARY KEY,
  colour           TEXT        NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
  rule             TEXT        NOT NULL,
  reason           TEXT        NOT NULL,
  source           TEXT        NOT NULL,
  since            TIMESTAMPTZ NOT NULL,
  redeclare_notice BOOLEAN     NOT NULL DEFAULT FALSE
);
