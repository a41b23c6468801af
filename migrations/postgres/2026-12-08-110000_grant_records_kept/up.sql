-- REC-01, TL-08: grant records are append-only at the database level, like the audit
-- trail: contracts, their versions, tranches, payments, reports and amendments, the
-- submissions with their receipts, late attempts and opening records are never
-- deleted, and what is final is never changed (a closed, terminated or withdrawn
-- contract; a released tranche; an approved report; a decided amendment; every
-- version, payment, submission and opening record). Whoever holds the database's
-- credentials gets an error, not a silent change.
CREATE FUNCTION grant_records_are_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'grant records are kept (REC-01): this row cannot be changed or removed (%)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER contracts_kept_no_delete BEFORE DELETE ON contracts
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contracts_kept_no_truncate BEFORE TRUNCATE ON contracts
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contracts_kept_final BEFORE UPDATE OF number, application_id, call_id, programme_id, organisation_id, status, version, max_eu_cents, eu_share_bp, duration_months, agreed_start, lead_abroad, sent_at, sent_by, countersign_by, countersigned_at, countersigned_by, start_date, end_date, suspended_since, suspended_days, ended_at, end_reason, final_grant_cents, final_payment_on, keep_until, headings, created_by, created_at ON contracts
    FOR EACH ROW WHEN (OLD.status IN ('closed', 'terminated', 'withdrawn')) EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_versions_kept_no_delete BEFORE DELETE ON contract_versions
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_versions_kept_no_truncate BEFORE TRUNCATE ON contract_versions
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_versions_kept_no_update BEFORE UPDATE ON contract_versions
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_tranches_kept_no_delete BEFORE DELETE ON contract_tranches
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_tranches_kept_no_truncate BEFORE TRUNCATE ON contract_tranches
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_tranches_kept_final BEFORE UPDATE ON contract_tranches
    FOR EACH ROW WHEN (OLD.payable_cents IS NOT NULL) EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_payments_kept_no_delete BEFORE DELETE ON contract_payments
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_payments_kept_no_truncate BEFORE TRUNCATE ON contract_payments
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_payments_kept_no_update BEFORE UPDATE ON contract_payments
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_reports_kept_no_delete BEFORE DELETE ON contract_reports
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_reports_kept_no_truncate BEFORE TRUNCATE ON contract_reports
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_reports_kept_final BEFORE UPDATE ON contract_reports
    FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_amendments_kept_no_delete BEFORE DELETE ON contract_amendments
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_amendments_kept_no_truncate BEFORE TRUNCATE ON contract_amendments
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER contract_amendments_kept_final BEFORE UPDATE ON contract_amendments
    FOR EACH ROW WHEN (OLD.status IN ('notified', 'approved', 'rejected')) EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER application_submissions_kept_no_delete BEFORE DELETE ON application_submissions
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER application_submissions_kept_no_truncate BEFORE TRUNCATE ON application_submissions
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER application_submissions_kept_no_update BEFORE UPDATE ON application_submissions
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER late_submissions_kept_no_delete BEFORE DELETE ON late_submissions
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER late_submissions_kept_no_truncate BEFORE TRUNCATE ON late_submissions
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER late_submissions_kept_no_update BEFORE UPDATE ON late_submissions
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER call_openings_kept_no_delete BEFORE DELETE ON call_openings
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER call_openings_kept_no_truncate BEFORE TRUNCATE ON call_openings
    FOR EACH STATEMENT EXECUTE FUNCTION grant_records_are_kept();
CREATE TRIGGER call_openings_kept_no_update BEFORE UPDATE ON call_openings
    FOR EACH ROW EXECUTE FUNCTION grant_records_are_kept();
