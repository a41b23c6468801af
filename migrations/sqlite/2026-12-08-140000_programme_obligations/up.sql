-- TL-05 and TL-07 recorded, not only dated: each Steering Committee report and the
-- decommitment, when it was done and by whom. Kept: a record is never changed.
CREATE TABLE programme_obligations (
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    rule TEXT NOT NULL CHECK (rule IN ('TL-05', 'TL-07')),
    due_on DATE NOT NULL,
    done_on DATE NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (programme_id, rule, due_on)
);
