-- The full application (PRAG part B) as one JSON document, the stage the application
-- is in (a restricted call's concept note first, then the full application on
-- invitation; an open call's both at once), and every submission kept as a version.
ALTER TABLE applications ADD COLUMN stage TEXT NOT NULL DEFAULT 'concept';
ALTER TABLE applications ADD COLUMN full_application TEXT NOT NULL DEFAULT '{}';
ALTER TABLE applications ADD COLUMN invited_at TIMESTAMP;
ALTER TABLE applications ADD COLUMN full_deadline TIMESTAMP;
-- The draft version that was last submitted (below `version`: changes not submitted).
ALTER TABLE applications ADD COLUMN submitted_version INTEGER;
UPDATE applications SET submitted_version = version WHERE receipt_number IS NOT NULL;

-- APP-05: every submission, frozen: the canonical content whose SHA-256 the receipt
-- shows. The last one in time counts; all stay visible.
CREATE TABLE application_submissions (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    call_id TEXT NOT NULL REFERENCES calls (id),
    lot_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    -- 1, 2… within the application and stage.
    submission_no INTEGER NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    submitted_by TEXT NOT NULL REFERENCES users (id),
    content TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    UNIQUE (application_id, stage, submission_no)
);
CREATE INDEX application_submissions_call_idx ON application_submissions (call_id, lot_id, stage);
INSERT INTO application_submissions
    (id, application_id, call_id, lot_id, stage, receipt_number, submission_no, submitted_at,
     submitted_by, content, content_sha256)
SELECT id, id, call_id, lot_id, 'concept', receipt_number, 1, submitted_at, submitted_by, '{}',
       content_sha256
FROM applications WHERE receipt_number IS NOT NULL;
