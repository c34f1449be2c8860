-- "One pending manual change per person" (docs/status.md) is kept by the database, not by a check
-- before the insert that two officers proposing at once would both pass: at most one PROPOSED row per
-- person. A second proposal fails on this index and is refused as status.manual.pending-exists.
--
-- A database that already holds two pending proposals for a person (a race before this version) keeps
-- the oldest; the later ones are rejected with a note saying why, so that the index can be built.
UPDATE manual_status_change c
   SET state = 'REJECTED',
       decided_by = 'system:migration-V10_3',
       decided_at = now(),
       decision_note = 'another proposal for this person was already pending (one pending change per person)'
 WHERE c.state = 'PROPOSED'
   AND EXISTS (SELECT 1 FROM manual_status_change o
                WHERE o.person_id = c.person_id AND o.state = 'PROPOSED'
                  AND (o.proposed_at, o.id) < (c.proposed_at, c.id));
CREATE UNIQUE INDEX manual_status_change_one_pending_uq ON manual_status_change (person_id)
  WHERE state = 'PROPOSED';
