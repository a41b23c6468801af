-- SEL-03: the evaluation report the chair submits and the EU Delegation approves or
-- returns, each version kept with the snapshot of its decisions and their hash.
CREATE TABLE evaluation_reports (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'returned', 'approved')),
    content TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    submitted_by TEXT NOT NULL REFERENCES users (id),
    submitted_at TIMESTAMP NOT NULL,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    comments TEXT,
    UNIQUE (call_id, version)
);

-- NOT-01, PUB-01: each application's outcome once the report is approved, with the
-- reason an unsuccessful applicant is told, what the public page shows of an award,
-- and when the applicant was notified.
CREATE TABLE award_decisions (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications (id),
    call_id TEXT NOT NULL REFERENCES calls (id),
    report_id TEXT NOT NULL REFERENCES evaluation_reports (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('awarded', 'reserve', 'rejected')),
    reason TEXT,
    amount_cents BIGINT,
    eu_share_bp BIGINT,
    scores TEXT NOT NULL DEFAULT '[]',
    beneficiary TEXT NOT NULL,
    locality TEXT NOT NULL,
    purpose TEXT NOT NULL,
    decided_at TIMESTAMP NOT NULL,
    notified_at TIMESTAMP
);
CREATE INDEX award_decisions_call_idx ON award_decisions (call_id, outcome);
