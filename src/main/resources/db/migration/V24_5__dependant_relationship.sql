-- Who the dependant is to the holder, as the holder states it when applying (issue 11): tells two children
-- or two grandparents of one holder apart, and the reviewer checks the uploaded page against it.
-- NULL: a binding applied for before this column (nothing was asked then; it is not guessed afterwards).
ALTER TABLE dependant_binding
  ADD COLUMN relationship TEXT
    CHECK (relationship IN ('CHILD', 'GRANDCHILD', 'PARENT', 'GRANDPARENT', 'SPOUSE', 'OTHER_WARD'));
