-- Programmes (financing agreements), their budget lines and grant envelopes.
CREATE TABLE programmes (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    entry_into_force DATE NOT NULL,
    total_budget_cents BIGINT NOT NULL CHECK (total_budget_cents >= 0),
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE programme_budget_lines (
    id TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0)
);
CREATE INDEX programme_budget_lines_programme_idx ON programme_budget_lines (programme_id);

CREATE TABLE programme_envelopes (
    id TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0)
);
CREATE INDEX programme_envelopes_programme_idx ON programme_envelopes (programme_id);

-- TL-06: a programme date changes only through a recorded amendment.
CREATE TABLE programme_amendments (
    id TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    date_field TEXT NOT NULL CHECK (date_field IN ('call_launch_deadline', 'operational_end', 'execution_end')),
    old_date DATE NOT NULL,
    new_date DATE NOT NULL,
    reason TEXT NOT NULL,
    addendum_reference TEXT NOT NULL,
    proposed_on DATE NOT NULL,
    effective_on DATE NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX programme_amendments_programme_idx ON programme_amendments (programme_id, recorded_at);

CREATE TABLE calls (
    id TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    reference TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    call_type TEXT NOT NULL CHECK (call_type IN ('restricted', 'open')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    opens_at TIMESTAMP,
    deadline TIMESTAMP,
    parameters TEXT NOT NULL,
    concept_note_grid TEXT NOT NULL,
    full_application_grid TEXT NOT NULL,
    published_at TIMESTAMP,
    published_by TEXT,
    cancelled_at TIMESTAMP,
    cancel_reason TEXT,
    cancel_explanation TEXT,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX calls_programme_idx ON calls (programme_id);
CREATE INDEX calls_status_deadline_idx ON calls (status, deadline);

CREATE TABLE lots (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    envelope_cents BIGINT NOT NULL CHECK (envelope_cents >= 0),
    min_grant_cents BIGINT NOT NULL CHECK (min_grant_cents >= 0),
    max_grant_cents BIGINT NOT NULL CHECK (max_grant_cents >= 0),
    min_eu_share_bp BIGINT NOT NULL,
    max_eu_share_bp BIGINT NOT NULL,
    min_duration_months BIGINT NOT NULL,
    max_duration_months BIGINT NOT NULL,
    applicant_types TEXT NOT NULL,
    locations TEXT NOT NULL,
    UNIQUE (call_id, number)
);

-- CFP-08: guidelines in English (authentic), Kazakh and Russian (for information).
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

-- CFP-03: questions and their published answers.
CREATE TABLE clarifications (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    asked_by TEXT NOT NULL REFERENCES users (id),
    question TEXT NOT NULL,
    asked_at TIMESTAMP NOT NULL,
    answer TEXT,
    answered_by TEXT,
    published_at TIMESTAMP
);
CREATE INDEX clarifications_call_idx ON clarifications (call_id, asked_at);

CREATE TABLE call_followers (
    call_id TEXT NOT NULL REFERENCES calls (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    followed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (call_id, user_id)
);
