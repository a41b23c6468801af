-- REC-01, TL-08: grant records are append-only at the database level, like the audit
-- trail: contracts, their versions, tranches, payments, reports and amendments, the
-- submissions with their receipts, late attempts and opening records are never
-- deleted, and what is final is never changed (a closed, terminated or withdrawn
-- contract; a released tranche; an approved report; a decided amendment; every
-- version, payment, submission and opening record). Whoever holds the database's
-- credentials gets an error, not a silent change.
CREATE TRIGGER contracts_kept_no_delete BEFORE DELETE ON contracts
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contracts)');
END;
CREATE TRIGGER contracts_kept_final BEFORE UPDATE OF number, application_id, call_id, programme_id, organisation_id, status, version, max_eu_cents, eu_share_bp, duration_months, agreed_start, lead_abroad, sent_at, sent_by, countersign_by, countersigned_at, countersigned_by, start_date, end_date, suspended_since, suspended_days, ended_at, end_reason, final_grant_cents, final_payment_on, keep_until, headings, created_by, created_at ON contracts WHEN OLD.status IN ('closed', 'terminated', 'withdrawn')
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contracts)');
END;
CREATE TRIGGER contract_versions_kept_no_delete BEFORE DELETE ON contract_versions
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_versions)');
END;
CREATE TRIGGER contract_versions_kept_no_update BEFORE UPDATE ON contract_versions
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_versions)');
END;
CREATE TRIGGER contract_tranches_kept_no_delete BEFORE DELETE ON contract_tranches
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_tranches)');
END;
CREATE TRIGGER contract_tranches_kept_final BEFORE UPDATE ON contract_tranches WHEN OLD.payable_cents IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_tranches)');
END;
CREATE TRIGGER contract_payments_kept_no_delete BEFORE DELETE ON contract_payments
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_payments)');
END;
CREATE TRIGGER contract_payments_kept_no_update BEFORE UPDATE ON contract_payments
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_payments)');
END;
CREATE TRIGGER contract_reports_kept_no_delete BEFORE DELETE ON contract_reports
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_reports)');
END;
CREATE TRIGGER contract_reports_kept_final BEFORE UPDATE ON contract_reports WHEN OLD.status = 'approved'
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_reports)');
END;
CREATE TRIGGER contract_amendments_kept_no_delete BEFORE DELETE ON contract_amendments
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_amendments)');
END;
CREATE TRIGGER contract_amendments_kept_final BEFORE UPDATE ON contract_amendments WHEN OLD.status IN ('notified', 'approved', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (contract_amendments)');
END;
CREATE TRIGGER application_submissions_kept_no_delete BEFORE DELETE ON application_submissions
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (application_submissions)');
END;
CREATE TRIGGER application_submissions_kept_no_update BEFORE UPDATE ON application_submissions
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (application_submissions)');
END;
CREATE TRIGGER late_submissions_kept_no_delete BEFORE DELETE ON late_submissions
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (late_submissions)');
END;
CREATE TRIGGER late_submissions_kept_no_update BEFORE UPDATE ON late_submissions
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (late_submissions)');
END;
CREATE TRIGGER call_openings_kept_no_delete BEFORE DELETE ON call_openings
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (call_openings)');
END;
CREATE TRIGGER call_openings_kept_no_update BEFORE UPDATE ON call_openings
BEGIN
    SELECT RAISE(ABORT, 'grant records are kept (REC-01): this row cannot be changed or removed (call_openings)');
END;
