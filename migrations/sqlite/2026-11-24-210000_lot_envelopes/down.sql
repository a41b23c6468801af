ALTER TABLE lots DROP COLUMN envelope_position;
