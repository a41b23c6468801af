-- ADM-02: the administrative check of an application at a stage, item by item, and
-- ADM-01/02/03: a rejection with its reason, which the applicant is told.
CREATE TABLE administrative_checks (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    stage TEXT NOT NULL,
    -- [{"item": "deadline", "ok": true, "comment": ""}, …]
    items TEXT NOT NULL,
    passed BOOLEAN NOT NULL,
    checked_by TEXT NOT NULL REFERENCES users (id),
    checked_at TIMESTAMP NOT NULL,
    UNIQUE (application_id, stage)
);
ALTER TABLE applications ADD COLUMN rejected_at TIMESTAMP;
ALTER TABLE applications ADD COLUMN rejection_reason TEXT;
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check
    CHECK (status IN ('draft', 'submitted', 'withdrawn', 'rejected'));
