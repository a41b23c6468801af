DELETE FROM attachments WHERE purpose = 'signed_contract';
ALTER TABLE attachments DROP CONSTRAINT attachments_purpose_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_purpose_check
    CHECK (purpose IN ('guidelines', 'corrigendum', 'annex', 'mandate', 'supporting_document', 'report'));
DROP TABLE contract_amendments;
DROP TABLE contract_reports;
DROP TABLE contract_payments;
DROP TABLE contract_tranches;
DROP TABLE contract_versions;
DROP TABLE contracts;
