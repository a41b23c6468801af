-- Envelopes and budget lines keep their id across edits; a removed one is retired,
-- never deleted (TL-08, REC-01). Lots draw on an envelope by id, not by position.
ALTER TABLE programme_envelopes ADD COLUMN retired_at TIMESTAMP;
ALTER TABLE programme_budget_lines ADD COLUMN retired_at TIMESTAMP;
ALTER TABLE lots ADD COLUMN envelope_id TEXT REFERENCES programme_envelopes (id);
UPDATE lots SET envelope_id = (
    SELECT e.id FROM programme_envelopes e
    JOIN calls c ON c.programme_id = e.programme_id
    WHERE c.id = lots.call_id AND e.position = lots.envelope_position
);
ALTER TABLE lots DROP COLUMN envelope_position;
CREATE INDEX lots_envelope_idx ON lots (envelope_id);

-- Corrections of the entry into force D, allowed (recorded and audited) until the
-- programme's first call is published.
CREATE TABLE programme_d_corrections (
    id TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    old_date DATE NOT NULL,
    new_date DATE NOT NULL,
    reason TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX programme_d_corrections_programme_idx ON programme_d_corrections (programme_id);
