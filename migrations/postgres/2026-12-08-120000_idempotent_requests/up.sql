-- A request that records something is done once: a page form's one-time token or the
-- API's Idempotency-Key, with the answer the first request got, kept for a day.
CREATE TABLE idempotent_requests (
    owner TEXT NOT NULL,
    key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    -- NULL while the first request is still being answered.
    status INTEGER,
    location TEXT,
    content_type TEXT,
    flash TEXT,
    body TEXT,
    PRIMARY KEY (owner, key)
);
CREATE INDEX idempotent_requests_created ON idempotent_requests (created_at);
