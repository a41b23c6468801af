-- Failed sign-in attempts, current-password checks, second-factor codes and limited
-- sends (reset and confirmation emails), kept in the database so that every portal node
-- counts the same. `subject` is a user id or a keyed hash of what was typed, never the
-- typed text itself.
CREATE TABLE auth_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    address TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX auth_attempts_subject_idx ON auth_attempts (kind, subject, at);
CREATE INDEX auth_attempts_address_idx ON auth_attempts (kind, address, at);

-- API tokens expire (chosen at creation, 90 days by default, at most a year).
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP;
UPDATE api_tokens SET expires_at = created_at + INTERVAL '90 days';

-- Two-factor sign-in (TOTP, RFC 6238): the secret is stored encrypted with a key kept
-- outside the database; the last accepted time step refuses a replayed code.
CREATE TABLE user_second_factors (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    secret_ciphertext TEXT NOT NULL,
    confirmed_at TIMESTAMP,
    last_used_step BIGINT,
    created_at TIMESTAMP NOT NULL
);

-- One-time recovery codes, stored hashed.
CREATE TABLE user_recovery_codes (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX user_recovery_codes_user_idx ON user_recovery_codes (user_id);
