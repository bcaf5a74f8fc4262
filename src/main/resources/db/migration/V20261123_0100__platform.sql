CREATE SCHEMA IF NOT EXISTS platform;

-- Responses to API POSTs that carried an Idempotency-Key, so a retry gets the first result.
CREATE TABLE platform.idempotency_keys (
    owner        TEXT        NOT NULL,
    idem_key     TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    status       INT,
    content_type TEXT,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner, idem_key)
);
