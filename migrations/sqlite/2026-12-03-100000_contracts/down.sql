DROP TABLE contract_amendments;
DROP TABLE contract_reports;
DROP TABLE contract_payments;
DROP TABLE contract_tranches;
DROP TABLE contract_versions;
DROP TABLE contracts;

DELETE FROM attachments WHERE purpose = 'signed_contract';
-- SQLite changes a CHECK constraint by rebuilding the table.
CREATE TABLE attachments_new (
    id TEXT PRIMARY KEY NOT NULL,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('call', 'corrigendum', 'application', 'organisation', 'contract', 'report')),
    owner_id TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('guidelines', 'corrigendum', 'annex', 'mandate', 'supporting_document', 'report')),
    language TEXT CHECK (language IS NULL OR language IN ('en', 'kk', 'ru')),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL CHECK (version >= 1),
    replaces_id TEXT REFERENCES attachments_new (id),
    uploaded_by TEXT NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    frozen_at TIMESTAMP,
    removed_at TIMESTAMP
);
INSERT INTO attachments_new (id, owner_type, owner_id, purpose, language, title, file_name, content_type, size_bytes, sha256, storage_key, version, replaces_id, uploaded_by, uploaded_at, frozen_at, removed_at)
SELECT id, owner_type, owner_id, purpose, language, title, file_name, content_type, size_bytes, sha256, storage_key, version, replaces_id, uploaded_by, uploaded_at, frozen_at, removed_at FROM attachments;
DROP INDEX attachments_owner_idx;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id, purpose);
