DELETE FROM attachments WHERE owner_type = 'corrigendum';
ALTER TABLE attachments DROP CONSTRAINT attachments_purpose_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_purpose_check
    CHECK (purpose IN ('guidelines', 'annex', 'mandate', 'supporting_document', 'report'));
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check
    CHECK (owner_type IN ('call', 'application', 'organisation', 'contract', 'report'));
DROP TABLE call_corrigenda;
