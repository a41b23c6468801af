DELETE FROM call_openings WHERE stage <> 'call';
ALTER TABLE call_openings DROP CONSTRAINT call_openings_call_stage_key;
ALTER TABLE call_openings DROP COLUMN stage;
ALTER TABLE call_openings ADD CONSTRAINT call_openings_call_id_key UNIQUE (call_id);
