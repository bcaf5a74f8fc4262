CREATE SCHEMA IF NOT EXISTS merchant;

CREATE TABLE merchant.stores (
    id                BIGSERIAL PRIMARY KEY,
    owner_account_id  BIGINT      NOT NULL,
    name              TEXT        NOT NULL,
    kind              TEXT        NOT NULL CHECK (kind IN ('TAOBAO', 'TMALL', 'SUPERMARKET', 'LOCAL', 'GLOBAL', 'WHOLESALE')),
    currency          CHAR(3)     NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'PENDING_VERIFICATION', 'VERIFIED', 'REJECTED')),
    logo_url          TEXT,
    verification_note TEXT,
    verified_by       BIGINT,
    verified_at       TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX stores_owner ON merchant.stores (owner_account_id);
CREATE INDEX stores_status ON merchant.stores (status);
