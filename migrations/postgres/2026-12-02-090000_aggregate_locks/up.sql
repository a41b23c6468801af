-- Aggregates without a row of their own (the user directory's "at least one active
-- administrator") are locked through a named row here (DESIGN: name the lock you hold).
CREATE TABLE aggregate_locks (
    name TEXT PRIMARY KEY NOT NULL,
    touched_at TIMESTAMP
);
INSERT INTO aggregate_locks (name) VALUES ('user_directory');
