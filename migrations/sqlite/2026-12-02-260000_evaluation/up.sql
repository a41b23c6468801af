-- EVC-01: the evaluation committee of a call. Roles are per call; a person holds one
-- role in a call at a time (removed members stay, with the time they left). `seq`
-- numbers the members of a call so that applicants can be shown an assessor by code
-- ("Assessor 3"), never by name.
CREATE TABLE committee_members (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'evaluator', 'replacement', 'assessor', 'observer')),
    seq INTEGER NOT NULL,
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at TIMESTAMP NOT NULL,
    removed_at TIMESTAMP,
    removed_by TEXT REFERENCES users (id),
    UNIQUE (call_id, seq)
);
CREATE UNIQUE INDEX committee_members_active_idx ON committee_members (call_id, user_id) WHERE removed_at IS NULL;
CREATE INDEX committee_members_user_idx ON committee_members (user_id);

-- EVC-02: the declaration of impartiality and confidentiality, as signed: its text,
-- version and hash, once per person and call.
CREATE TABLE committee_declarations (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    version TEXT NOT NULL,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    UNIQUE (call_id, user_id)
);

-- EVC-02/03: an assessor's work on one application at one stage, with the score sheet
-- (JSON by section code) and the history of conflicts and replacements.
CREATE TABLE assessor_assignments (
    id TEXT PRIMARY KEY NOT NULL,
    call_id TEXT NOT NULL REFERENCES calls (id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    stage TEXT NOT NULL CHECK (stage IN ('concept', 'full')),
    assessor_id TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'submitted', 'conflicted', 'replaced')),
    -- how it came: 'manual', 'automatic', 'divergence', 'replacement'
    origin TEXT NOT NULL,
    assigned_by TEXT NOT NULL REFERENCES users (id),
    assigned_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    conflict_note TEXT,
    sheet TEXT NOT NULL DEFAULT '{}',
    total BIGINT,
    saved_at TIMESTAMP,
    submitted_at TIMESTAMP,
    ended_at TIMESTAMP,
    ended_by TEXT REFERENCES users (id),
    end_reason TEXT,
    replaces_id TEXT REFERENCES assessor_assignments (id),
    UNIQUE (application_id, stage, assessor_id)
);
CREATE INDEX assessor_assignments_call_idx ON assessor_assignments (call_id, stage);
CREATE INDEX assessor_assignments_assessor_idx ON assessor_assignments (assessor_id, call_id);

-- EVC-03: how the committee resolved a divergence between assessors.
CREATE TABLE divergence_resolutions (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    stage TEXT NOT NULL CHECK (stage IN ('concept', 'full')),
    note TEXT NOT NULL,
    totals TEXT NOT NULL,
    resolved_by TEXT NOT NULL REFERENCES users (id),
    resolved_at TIMESTAMP NOT NULL,
    UNIQUE (application_id, stage)
);
