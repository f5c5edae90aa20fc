-- A verdict's part (the 学段 of a county's balance coefficient: 小学, 初中) and the count of waived
-- failures of a run. Runs recorded before this migration keep part NULL and n_waived 0: their
-- verdicts had no part, and waived failures were counted nowhere. Keep postgresql/V2 in step.

ALTER TABLE verdict ADD COLUMN part TEXT;
ALTER TABLE run ADD COLUMN n_waived INTEGER NOT NULL DEFAULT 0;
