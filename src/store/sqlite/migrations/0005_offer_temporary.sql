-- An offer can be temporary or bridging (a training house, respite while waiting for a
-- place): the matching shows it as such, not as a failed permanent option.
ALTER TABLE offers ADD COLUMN temporary INTEGER NOT NULL DEFAULT 0 CHECK (temporary IN (0, 1));
