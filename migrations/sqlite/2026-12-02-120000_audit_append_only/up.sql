-- The audit trail is append-only: the database itself refuses to change or remove an
-- event. The chain is keyed (HMAC) from `keyed_from_seq` on; earlier events keep their
-- plain SHA-256 links.
ALTER TABLE audit_chain_head ADD COLUMN keyed_from_seq BIGINT;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
