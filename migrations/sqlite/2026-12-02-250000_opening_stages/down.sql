CREATE TABLE call_openings_old (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    opened_at TIMESTAMP NOT NULL,
    opened_by TEXT NOT NULL REFERENCES users (id),
    record TEXT NOT NULL,
    UNIQUE (call_id)
);
INSERT INTO call_openings_old (id, call_id, opened_at, opened_by, record)
    SELECT id, call_id, opened_at, opened_by, record FROM call_openings WHERE stage = 'call';
DROP TABLE call_openings;
ALTER TABLE call_openings_old RENAME TO call_openings;
