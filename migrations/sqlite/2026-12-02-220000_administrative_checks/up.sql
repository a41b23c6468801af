-- ADM-01…03: an application can be rejected, with its reason, which the applicant is
-- told. SQLite cannot change a CHECK constraint, so the table is rebuilt (the
-- documented procedure; foreign keys are checked at commit, when every row is back).
PRAGMA defer_foreign_keys = ON;
CREATE TABLE applications_new (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    lot_id TEXT NOT NULL REFERENCES lots (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn', 'rejected')),
    title TEXT NOT NULL DEFAULT '',
    relevance TEXT NOT NULL DEFAULT '',
    design TEXT NOT NULL DEFAULT '',
    eu_contribution_cents BIGINT CHECK (eu_contribution_cents IS NULL OR eu_contribution_cents >= 0),
    duration_months INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    submitted_by TEXT,
    receipt_number TEXT,
    content_sha256 TEXT,
    withdrawn_at TIMESTAMP,
    stage TEXT NOT NULL DEFAULT 'concept',
    full_application TEXT NOT NULL DEFAULT '{}',
    invited_at TIMESTAMP,
    full_deadline TIMESTAMP,
    submitted_version INTEGER,
    requested_cents BIGINT,
    rejected_at TIMESTAMP,
    rejection_reason TEXT
);
INSERT INTO applications_new (id, call_id, lot_id, organisation_id, status, title, relevance,
    design, eu_contribution_cents, duration_months, version, created_by, created_at,
    updated_by, updated_at, submitted_at, submitted_by, receipt_number, content_sha256,
    withdrawn_at, stage, full_application, invited_at, full_deadline, submitted_version,
    requested_cents)
SELECT id, call_id, lot_id, organisation_id, status, title, relevance, design,
    eu_contribution_cents, duration_months, version, created_by, created_at, updated_by,
    updated_at, submitted_at, submitted_by, receipt_number, content_sha256, withdrawn_at,
    stage, full_application, invited_at, full_deadline, submitted_version, requested_cents
FROM applications;
DROP TABLE applications;
ALTER TABLE applications_new RENAME TO applications;
CREATE INDEX applications_organisation_idx ON applications (organisation_id, call_id);
CREATE INDEX applications_call_idx ON applications (call_id, status);
CREATE UNIQUE INDEX applications_receipt_idx ON applications (call_id, receipt_number);
CREATE INDEX applications_call_received_idx ON applications (call_id, receipt_number);

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
