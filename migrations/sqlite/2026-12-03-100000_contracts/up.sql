-- Grant contracts (DOMAIN.md §7): the contract of an awarded application, every version
-- of its terms, its payment schedule, payments and recoveries, and its reports. Nothing
-- of a contract is ever deleted (REC-01).
CREATE TABLE contracts (
    id TEXT PRIMARY KEY NOT NULL,
    number TEXT NOT NULL UNIQUE,
    application_id TEXT NOT NULL UNIQUE REFERENCES applications (id),
    call_id TEXT NOT NULL REFERENCES calls (id),
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'active', 'suspended', 'closed', 'terminated', 'withdrawn')),
    version INTEGER NOT NULL CHECK (version >= 1),
    max_eu_cents BIGINT NOT NULL CHECK (max_eu_cents > 0),
    eu_share_bp BIGINT NOT NULL CHECK (eu_share_bp > 0 AND eu_share_bp <= 10000),
    duration_months INTEGER NOT NULL CHECK (duration_months >= 1 AND duration_months <= 48),
    agreed_start DATE,
    lead_abroad BOOLEAN NOT NULL,
    sent_at TIMESTAMP,
    sent_by TEXT REFERENCES users (id),
    countersign_by DATE,
    countersigned_at TIMESTAMP,
    countersigned_by TEXT REFERENCES users (id),
    start_date DATE,
    end_date DATE,
    suspended_since DATE,
    suspended_days INTEGER NOT NULL DEFAULT 0,
    ended_at TIMESTAMP,
    end_reason TEXT,
    final_grant_cents BIGINT,
    final_payment_on DATE,
    keep_until DATE,
    headings TEXT NOT NULL DEFAULT '[]',
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX contracts_organisation_idx ON contracts (organisation_id);
CREATE INDEX contracts_programme_idx ON contracts (programme_id);

-- Every version of a contract's terms, as signed or amended (diffable).
CREATE TABLE contract_versions (
    id TEXT PRIMARY KEY NOT NULL,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    version INTEGER NOT NULL,
    terms TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (contract_id, version)
);

-- PAY-01: the planned tranches, fixed at the countersignature; the release of a further
-- tranche (PAY-02) keeps its arithmetic.
CREATE TABLE contract_tranches (
    id TEXT PRIMARY KEY NOT NULL,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    position INTEGER NOT NULL CHECK (position >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('pre_financing', 'further', 'balance')),
    planned_cents BIGINT NOT NULL CHECK (planned_cents >= 0),
    after_report INTEGER,
    due_on DATE,
    payable_cents BIGINT,
    release TEXT,
    UNIQUE (contract_id, position)
);

-- AMD-01/02: what the beneficiary asks to change, and what became of it: budget
-- transfers within the threshold are notifications (applied at once), everything else an
-- addendum the EU Delegation approves or rejects.
CREATE TABLE contract_amendments (
    id TEXT PRIMARY KEY NOT NULL,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('extension', 'transfer', 'other')),
    status TEXT NOT NULL CHECK (status IN ('requested', 'notified', 'approved', 'rejected')),
    effective_on DATE NOT NULL,
    new_end DATE,
    transfer_from INTEGER,
    transfer_to INTEGER,
    transfer_cents BIGINT,
    description TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users (id),
    requested_at TIMESTAMP NOT NULL,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    comment TEXT,
    UNIQUE (contract_id, number)
);

-- Money that moved: payments of tranches, and recoveries (CON-04).
CREATE TABLE contract_payments (
    id TEXT PRIMARY KEY NOT NULL,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    tranche_position INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('payment', 'recovery')),
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    paid_on DATE NOT NULL,
    reference TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX contract_payments_contract_idx ON contract_payments (contract_id);

-- REP-01, AUD-01: the reports due, as generated at the countersignature, and what the
-- beneficiary submitted and staff decided.
CREATE TABLE contract_reports (
    id TEXT PRIMARY KEY NOT NULL,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    position INTEGER NOT NULL CHECK (position >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
    period_end DATE NOT NULL,
    due_on DATE NOT NULL,
    verification BOOLEAN NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('due', 'submitted', 'information_requested', 'approved')),
    narrative TEXT NOT NULL DEFAULT '',
    costs_cents BIGINT,
    submitted_at TIMESTAMP,
    submitted_by TEXT REFERENCES users (id),
    information_due DATE,
    staff_comment TEXT,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    accepted_costs_cents BIGINT,
    UNIQUE (contract_id, position)
);

-- The signed contract (PDF or scan) is an attachment of the contract:
-- SQLite changes a CHECK constraint by rebuilding the table.
CREATE TABLE attachments_new (
    id TEXT PRIMARY KEY NOT NULL,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('call', 'corrigendum', 'application', 'organisation', 'contract', 'report')),
    owner_id TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('guidelines', 'corrigendum', 'annex', 'mandate', 'supporting_document', 'report', 'signed_contract')),
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
