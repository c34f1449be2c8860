-- Whether the photo library had the person's photo when their code was last issued (issue 11): the
-- scan result tells staff to compare the photo on the code, or, without one, to check the ID card,
-- without a register read on the scan path. NULL: not known (codes issued before this column).
ALTER TABLE code_subject ADD COLUMN photo_on_file boolean;
