-- A restricted call is opened twice: at its deadline (the concept notes) and, once every
-- invited application's deadline has passed, its full applications.
CREATE TABLE call_openings_new (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    stage TEXT NOT NULL DEFAULT 'call' CHECK (stage IN ('call', 'full')),
    opened_at TIMESTAMP NOT NULL,
    opened_by TEXT NOT NULL REFERENCES users (id),
    -- {"in_time": [...], "withdrawn": [...], "late": [...], "not_submitted": [...]}
    record TEXT NOT NULL,
    UNIQUE (call_id, stage)
);
INSERT INTO call_openings_new (id, call_id, stage, opened_at, opened_by, record)
    SELECT id, call_id, 'call', opened_at, opened_by, record FROM call_openings;
DROP TABLE call_openings;
ALTER TABLE call_openings_new RENAME TO call_openings;
