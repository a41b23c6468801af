ALTER TABLE programme_envelopes DROP COLUMN label_ru;
ALTER TABLE programme_envelopes DROP COLUMN label_kk;
ALTER TABLE programme_budget_lines DROP COLUMN label_ru;
ALTER TABLE programme_budget_lines DROP COLUMN label_kk;
