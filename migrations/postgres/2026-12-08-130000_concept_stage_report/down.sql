ALTER TABLE evaluation_reports DROP COLUMN stage;
