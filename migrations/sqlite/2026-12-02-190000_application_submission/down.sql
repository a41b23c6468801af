DROP INDEX applications_receipt_idx;
ALTER TABLE applications DROP COLUMN withdrawn_at;
ALTER TABLE applications DROP COLUMN content_sha256;
ALTER TABLE applications DROP COLUMN receipt_number;
ALTER TABLE applications DROP COLUMN submitted_by;
ALTER TABLE applications DROP COLUMN submitted_at;
