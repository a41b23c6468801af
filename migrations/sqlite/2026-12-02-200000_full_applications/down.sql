DROP TABLE application_submissions;
ALTER TABLE applications DROP COLUMN submitted_version;
ALTER TABLE applications DROP COLUMN full_deadline;
ALTER TABLE applications DROP COLUMN invited_at;
ALTER TABLE applications DROP COLUMN full_application;
ALTER TABLE applications DROP COLUMN stage;
