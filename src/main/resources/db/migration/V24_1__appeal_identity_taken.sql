-- Identity appeals (身份被冒用, MISSION H1): a person whose identity another account claimed files an appeal
-- with evidence from their own, not yet registered account; upheld, the identity moves to that account.
-- person_id is the person whose register entry matched the document and name the appellant gave.
ALTER TABLE appeal DROP CONSTRAINT appeal_kind_check;
ALTER TABLE appeal ADD CONSTRAINT appeal_kind_check
  CHECK (kind IN ('WRONG_COLOUR', 'WRONG_NAME', 'IDENTITY_TAKEN'));
ALTER TABLE appeal ADD COLUMN appellant_account UUID;
ALTER TABLE appeal ADD CONSTRAINT appeal_identity_appellant
  CHECK ((kind = 'IDENTITY_TAKEN') = (appellant_account IS NOT NULL));

-- one open colour or name appeal per person, as before; identity appeals are counted per appellant
-- account instead, so that a stranger's identity appeal cannot block the real person's
DROP INDEX appeal_open_per_kind_uq;
CREATE UNIQUE INDEX appeal_open_per_kind_uq ON appeal (person_id, kind)
  WHERE state IN ('SUBMITTED', 'IN_REVIEW') AND kind <> 'IDENTITY_TAKEN';
CREATE UNIQUE INDEX appeal_identity_open_uq ON appeal (appellant_account)
  WHERE state IN ('SUBMITTED', 'IN_REVIEW') AND kind = 'IDENTITY_TAKEN';
CREATE INDEX appeal_appellant_idx ON appeal (appellant_account) WHERE appellant_account IS NOT NULL;
