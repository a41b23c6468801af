-- DOMAIN §3: organisations named on an application with their role; co-applicants and
-- affiliated entities give the lead applicant a mandate (an attachment of the
-- application, purpose "mandate", titled by the partner's id).
CREATE TABLE application_partners (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL CHECK (role IN ('co_applicant', 'affiliated_entity', 'associate')),
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at TIMESTAMP NOT NULL,
    UNIQUE (application_id, organisation_id)
);
