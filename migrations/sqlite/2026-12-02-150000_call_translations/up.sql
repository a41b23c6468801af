-- CFP-08: English is the authentic text; Kazakh and Russian versions are for
-- information. Empty means "not translated": readers then see the English text.
ALTER TABLE calls ADD COLUMN title_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN title_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN description_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN description_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN cancel_explanation_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN cancel_explanation_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE lots ADD COLUMN title_kk TEXT NOT NULL DEFAULT '';
ALTER TABLE lots ADD COLUMN title_ru TEXT NOT NULL DEFAULT '';
