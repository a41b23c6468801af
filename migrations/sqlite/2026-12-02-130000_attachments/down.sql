CREATE TABLE call_documents (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    language TEXT NOT NULL CHECK (language IN ('en', 'kk', 'ru')),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    removed_at TIMESTAMP
);
CREATE INDEX call_documents_call_idx ON call_documents (call_id);
INSERT INTO call_documents (id, call_id, language, title, file_name, content_type,
    size_bytes, sha256, storage_key, uploaded_by, uploaded_at, removed_at)
SELECT id, owner_id, COALESCE(language, 'en'), title, file_name, content_type, size_bytes,
    sha256, storage_key, uploaded_by, uploaded_at, removed_at
FROM attachments WHERE owner_type = 'call' AND purpose = 'guidelines';
DROP TABLE attachments;
