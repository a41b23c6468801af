-- APP-05: a submitted application is frozen and has a receipt: a number unique in its
-- call, the exact server time, and the SHA-256 of what was submitted.
ALTER TABLE applications ADD COLUMN submitted_at TIMESTAMP;
ALTER TABLE applications ADD COLUMN submitted_by TEXT;
ALTER TABLE applications ADD COLUMN receipt_number TEXT;
ALTER TABLE applications ADD COLUMN content_sha256 TEXT;
ALTER TABLE applications ADD COLUMN withdrawn_at TIMESTAMP;
CREATE UNIQUE INDEX applications_receipt_idx ON applications (call_id, receipt_number);
