DROP TABLE programme_d_corrections;
DROP INDEX lots_envelope_idx;
ALTER TABLE lots ADD COLUMN envelope_position INTEGER;
UPDATE lots SET envelope_position = (
    SELECT e.position FROM programme_envelopes e WHERE e.id = lots.envelope_id
);
ALTER TABLE lots DROP COLUMN envelope_id;
ALTER TABLE programme_budget_lines DROP COLUMN retired_at;
ALTER TABLE programme_envelopes DROP COLUMN retired_at;
