-- SEL-02: supporting documents asked of provisionally selected and reserve applicants
-- (the files are attachments of the application, purpose "supporting_document", titled
-- by the document's code) and the secretary's check of them.
CREATE TABLE supporting_checks (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications (id),
    call_id TEXT NOT NULL REFERENCES calls (id),
    documents TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users (id),
    requested_at TIMESTAMP NOT NULL,
    passed BOOLEAN,
    note TEXT,
    checked_by TEXT REFERENCES users (id),
    checked_at TIMESTAMP
);
CREATE INDEX supporting_checks_call_idx ON supporting_checks (call_id);
