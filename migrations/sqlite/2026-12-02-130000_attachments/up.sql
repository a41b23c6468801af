-- One kind of stored file for every use: call guidelines now; application annexes,
-- mandates, supporting documents and reports later. Generated storage name, SHA-256,
-- language, versions (a new file with the same title and language replaces the earlier
-- one, which is kept), frozen once authentic (a frozen file never changes or goes).
CREATE TABLE attachments (
    id TEXT PRIMARY KEY NOT NULL,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('call', 'application', 'organisation', 'contract', 'report')),
    owner_id TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('guidelines', 'annex', 'mandate', 'supporting_document', 'report')),
    language TEXT CHECK (language IS NULL OR language IN ('en', 'kk', 'ru')),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL CHECK (version >= 1),
    replaces_id TEXT REFERENCES attachments (id),
    uploaded_by TEXT NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    frozen_at TIMESTAMP,
    removed_at TIMESTAMP
);
CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id, purpose);

INSERT INTO attachments (id, owner_type, owner_id, purpose, language, title, file_name,
    content_type, size_bytes, sha256, storage_key, version, replaces_id, uploaded_by,
    uploaded_at, frozen_at, removed_at)
SELECT id, 'call', call_id, 'guidelines', language, title, file_name, content_type,
    size_bytes, sha256, storage_key, 1, NULL, uploaded_by, uploaded_at, NULL, removed_at
FROM call_documents;

-- CFP-08: the English guidelines of a published call are authentic and frozen.
UPDATE attachments SET frozen_at = (
    SELECT published_at FROM calls WHERE calls.id = attachments.owner_id
)
WHERE owner_type = 'call' AND language = 'en' AND removed_at IS NULL AND EXISTS (
    SELECT 1 FROM calls WHERE calls.id = attachments.owner_id AND calls.published_at IS NOT NULL
);

DROP TABLE call_documents;
