DROP TRIGGER audit_events_no_delete;
DROP TRIGGER audit_events_no_update;
ALTER TABLE audit_chain_head DROP COLUMN keyed_from_seq;
