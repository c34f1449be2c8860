-- Session epoch (docs/citizen.md): a session records the account's epoch at sign-in; a credential change
-- (phone rebinding) raises the epoch, which ends every other session of the account at its next request.
-- Constant defaults: adding the columns does not rewrite the (up to ~25 million) rows.
ALTER TABLE citizen_account
  ADD COLUMN session_epoch       INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN sessions_end_reason TEXT;
