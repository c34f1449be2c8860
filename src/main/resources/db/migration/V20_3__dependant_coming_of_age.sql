-- A binding made because the dependant was a minor lapses when the dependant comes of age (docs/dependants.md).
-- dependant_born_on: the dependant's birth date, copied at binding for MINOR bindings only, so that the daily
-- coming-of-age job finds the few bindings due through a small partial index instead of reading the register.
-- removal_cause: why a REMOVED binding ended (HOLDER, REVIEWER, CAME_OF_AGE); NULL on rows removed before V20_2.
ALTER TABLE dependant_binding
  ADD COLUMN dependant_born_on DATE,
  ADD COLUMN removal_cause     TEXT CHECK (removal_cause IN ('HOLDER', 'REVIEWER', 'CAME_OF_AGE'));

-- existing minor bindings: the birth date from the population register (V2_1), a one-time copy
UPDATE dependant_binding b SET dependant_born_on = p.birth_date
  FROM person p
 WHERE p.id = b.dependant_id AND b.kind = 'MINOR' AND b.state IN ('PENDING', 'APPROVED');

-- the coming-of-age job: active minor bindings by birth date (a small share of all bindings)
CREATE INDEX dependant_binding_minor_born_idx ON dependant_binding (dependant_born_on)
  WHERE kind = 'MINOR' AND state IN ('PENDING', 'APPROVED');
