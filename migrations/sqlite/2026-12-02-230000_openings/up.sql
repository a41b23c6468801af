-- ADM-01: a submission refused after the deadline is recorded (who tried, when), and the
-- opening of a call's received applications after its deadline is a record listing
-- what arrived in time and what was refused as late.
CREATE TABLE late_submissions (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    call_id TEXT NOT NULL REFERENCES calls (id),
    attempted_at TIMESTAMP NOT NULL,
    attempted_by TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX late_submissions_call_idx ON late_submissions (call_id);
CREATE TABLE call_openings (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    opened_at TIMESTAMP NOT NULL,
    opened_by TEXT NOT NULL REFERENCES users (id),
    -- {"in_time": [...], "withdrawn": [...], "late": [...]}
    record TEXT NOT NULL,
    UNIQUE (call_id)
);
