-- A guardian's declaration (MISSION H1, R1-R4): the holder of a standing binding declares for a dependant who
-- cannot declare themselves (a young child, a very old person). The row names the holder and the binding; both
-- are empty when the person declared themselves. Person and binding ids are other contexts' opaque ids, so no
-- foreign keys. Adding columns fires no row trigger: the table stays append-only.
ALTER TABLE health_declaration
  ADD COLUMN declared_by_holder_id  UUID,
  ADD COLUMN declared_by_binding_id UUID,
  ADD CONSTRAINT health_declaration_declared_by_whole
    CHECK ((declared_by_holder_id IS NULL) = (declared_by_binding_id IS NULL));
