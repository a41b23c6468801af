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

-- The signed contract (PDF or scan) is an attachment of the contract.
ALTER TABLE attachments DROP CONSTRAINT attachments_purpose_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_purpose_check
    CHECK (purpose IN ('guidelines', 'corrigendum', 'annex', 'mandate', 'supporting_document', 'report', 'signed_contract'));
