-- CFP-08: Kazakh and Russian names of the programme's budget lines and envelopes, for
-- information beside the authentic English ("" when not translated).
ALTER TABLE programme_budget_lines ADD COLUMN label_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_budget_lines ADD COLUMN label_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_envelopes ADD COLUMN label_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_envelopes ADD COLUMN label_ru TEXT NOT NULL DEFAULT '';
