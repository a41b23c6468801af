-- Corrections to a published call (PRAG: a corrigendum). Numbered per call, dated,
-- with what changed (before and after) and why, and the call as it was before, so that
-- the earlier version stays readable. Never changed or removed.
CREATE TABLE call_corrigenda (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    reason TEXT NOT NULL,
    reason_kk TEXT NOT NULL DEFAULT '',
    reason_ru TEXT NOT NULL DEFAULT '',
    changes TEXT NOT NULL,
    previous TEXT NOT NULL,
    published_by TEXT NOT NULL REFERENCES users (id),
    published_at TIMESTAMP NOT NULL,
    UNIQUE (call_id, number)
);

-- A corrigendum's own documents (the corrigendum in English, kk/ru for information).
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check
    CHECK (owner_type IN ('call', 'corrigendum', 'application', 'organisation', 'contract', 'report'));
ALTER TABLE attachments DROP CONSTRAINT attachments_purpose_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_purpose_check
    CHECK (purpose IN ('guidelines', 'corrigendum', 'annex', 'mandate', 'supporting_document', 'report'));
