DROP TABLE administrative_checks;
UPDATE applications SET status = 'submitted' WHERE status = 'rejected';
ALTER TABLE applications DROP COLUMN rejection_reason;
ALTER TABLE applications DROP COLUMN rejected_at;
