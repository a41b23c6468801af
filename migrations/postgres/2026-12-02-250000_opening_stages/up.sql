-- A restricted call is opened twice: at its deadline (the concept notes) and, once every
-- invited application's deadline has passed, its full applications.
ALTER TABLE call_openings ADD COLUMN stage TEXT NOT NULL DEFAULT 'call'
    CHECK (stage IN ('call', 'full'));
ALTER TABLE call_openings DROP CONSTRAINT call_openings_call_id_key;
ALTER TABLE call_openings ADD CONSTRAINT call_openings_call_stage_key UNIQUE (call_id, stage);
