CREATE SCHEMA IF NOT EXISTS payment;

CREATE TABLE payment.accounts (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('WALLET', 'ESCROW', 'MERCHANT', 'FEE_REVENUE', 'SALES_REVENUE', 'PROVIDER_CLEARING')),
    owner_id        BIGINT  NOT NULL,
    currency        CHAR(3) NOT NULL,
    balance_minor   BIGINT  NOT NULL,
    may_go_negative BOOLEAN NOT NULL,
    UNIQUE (kind, owner_id, currency),
    CHECK (may_go_negative OR balance_minor >= 0)
);

-- One business event moves money once: its reference is unique.
CREATE TABLE payment.postings (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT        NOT NULL,
    order_id   BIGINT,
    reference  TEXT        NOT NULL UNIQUE,
    memo       TEXT        NOT NULL,
    currency   CHAR(3)     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX postings_order ON payment.postings (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE payment.entries (
    id           BIGSERIAL PRIMARY KEY,
    posting_id   BIGINT NOT NULL REFERENCES payment.postings (id),
    account_id   BIGINT NOT NULL REFERENCES payment.accounts (id),
    amount_minor BIGINT NOT NULL
);
CREATE INDEX entries_posting ON payment.entries (posting_id);
CREATE INDEX entries_account ON payment.entries (account_id, posting_id);
