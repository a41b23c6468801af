UPDATE applications SET status = 'submitted' WHERE status = 'rejected';
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check
    CHECK (status IN ('draft', 'submitted', 'withdrawn'));
ALTER TABLE applications DROP COLUMN rejection_reason;
ALTER TABLE applications DROP COLUMN rejected_at;
DROP TABLE administrative_checks;
