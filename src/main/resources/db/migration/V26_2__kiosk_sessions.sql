-- The self-service kiosk (综合自助终端) and the bank kiosk (银行一网通办终端), issue 13 (MISSION O3): a
-- person logs in at the kiosk with an ID card, a live code or a proxy code; the session names the
-- device, who the operations are for and, for a proxy log-in, the family member acting. One open
-- session per kiosk (one screen): a new log-in ends the one before. Idle sessions end by time
-- (suishen.offline-code.kiosk.idle-timeout), judged on last_seen_at. Rows are a few per person per
-- year and are kept for the audit trail's sake; the trail itself is in audit_event.
CREATE TABLE kiosk_session (
  session_id       UUID        PRIMARY KEY,
  device           TEXT        NOT NULL,
  channel          TEXT        NOT NULL CHECK (channel IN ('KIOSK', 'BANK_KIOSK')),
  login_method     TEXT        NOT NULL CHECK (login_method IN ('ID_CARD', 'LIVE_CODE', 'PROXY_CODE')),
  person_id        UUID        NOT NULL,
  holder_person_id UUID,
  started_at       TIMESTAMPTZ NOT NULL,
  last_seen_at     TIMESTAMPTZ NOT NULL,
  confirmed_at     TIMESTAMPTZ,
  ended_at         TIMESTAMPTZ,
  end_reason       TEXT        CHECK (end_reason IN ('SIGNED_OUT', 'IDLE', 'REPLACED')),
  CONSTRAINT kiosk_session_proxy CHECK ((login_method = 'PROXY_CODE') = (holder_person_id IS NOT NULL)),
  CONSTRAINT kiosk_session_end CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- one screen, one open session: the database keeps it so when two log-ins race at one kiosk
CREATE UNIQUE INDEX kiosk_session_open_uq ON kiosk_session (device) WHERE ended_at IS NULL;
