-- The EU contribution requested by the submitted version (the list of received
-- applications filters, sorts and totals by it).
ALTER TABLE applications ADD COLUMN requested_cents BIGINT;
UPDATE applications SET requested_cents = eu_contribution_cents WHERE receipt_number IS NOT NULL;
CREATE INDEX applications_call_received_idx ON applications (call_id, receipt_number);
