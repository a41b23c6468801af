-- Applicant organisations (PADOR-like): registered once, reused for every call.
CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    legal_name TEXT NOT NULL,
    legal_name_local TEXT NOT NULL DEFAULT '',
    acronym TEXT NOT NULL DEFAULT '',
    legal_status TEXT NOT NULL CHECK (legal_status IN ('ngo', 'local_authority', 'research_institute', 'international_organisation', 'other')),
    country TEXT NOT NULL,
    oblast TEXT NOT NULL DEFAULT '',
    registration_number TEXT NOT NULL,
    address TEXT NOT NULL,
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    year_registered INTEGER,
    staff INTEGER,
    annual_turnover_cents BIGINT CHECK (annual_turnover_cents IS NULL OR annual_turnover_cents >= 0),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    -- One record per registered entity: the same registration number in one country is
    -- the same organisation (its members are invited to it instead).
    UNIQUE (country, registration_number)
);

-- Who works for an organisation in the portal, and as what.
CREATE TABLE organisation_members (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'reader')),
    joined_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user_idx ON organisation_members (user_id);

-- A colleague invited by email; they accept when signed in with that (confirmed) address.
CREATE TABLE organisation_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'reader')),
    invited_by TEXT NOT NULL REFERENCES users (id),
    invited_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    accepted BOOLEAN,
    UNIQUE (organisation_id, email)
);
CREATE INDEX organisation_invitations_email_idx ON organisation_invitations (email);
