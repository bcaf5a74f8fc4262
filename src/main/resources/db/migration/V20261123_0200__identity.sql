CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.accounts (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT        NOT NULL UNIQUE,
    password_hash TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('BUYER', 'SELLER', 'OPERATOR')),
    created_at    TIMESTAMPTZ NOT NULL
);

-- Bearer tokens are stored as SHA-256 hashes: a leaked table does not leak sessions.
CREATE TABLE identity.tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES identity.accounts (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tokens_account ON identity.tokens (account_id);

CREATE TABLE identity.login_failures (
    id      BIGSERIAL PRIMARY KEY,
    email   TEXT        NOT NULL,
    address TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_email ON identity.login_failures (email, at);
CREATE INDEX login_failures_address ON identity.login_failures (address, at);
