-- Applications of organisations to a lot of a call (DOMAIN.md §3). The concept note's
-- texts and estimates are saved section by section; `version` grows with every save so
-- that two members editing at once never silently overwrite each other.
CREATE TABLE applications (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    lot_id TEXT NOT NULL REFERENCES lots (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn')),
    title TEXT NOT NULL DEFAULT '',
    relevance TEXT NOT NULL DEFAULT '',
    design TEXT NOT NULL DEFAULT '',
    eu_contribution_cents BIGINT CHECK (eu_contribution_cents IS NULL OR eu_contribution_cents >= 0),
    duration_months INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX applications_organisation_idx ON applications (organisation_id, call_id);
CREATE INDEX applications_call_idx ON applications (call_id, status);
