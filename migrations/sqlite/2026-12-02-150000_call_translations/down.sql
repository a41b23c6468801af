ALTER TABLE lots DROP COLUMN title_ru;
ALTER TABLE lots DROP COLUMN title_kk;
ALTER TABLE calls DROP COLUMN cancel_explanation_ru;
ALTER TABLE calls DROP COLUMN cancel_explanation_kk;
ALTER TABLE calls DROP COLUMN description_ru;
ALTER TABLE calls DROP COLUMN description_kk;
ALTER TABLE calls DROP COLUMN title_ru;
ALTER TABLE calls DROP COLUMN title_kk;
