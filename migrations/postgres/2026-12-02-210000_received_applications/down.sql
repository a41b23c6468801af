DROP INDEX applications_call_received_idx;
ALTER TABLE applications DROP COLUMN requested_cents;
