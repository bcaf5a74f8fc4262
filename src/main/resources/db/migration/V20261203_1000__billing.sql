-- Billing: fee rules with effective dates, new-merchant rebates, the charges booked per order and rule, and
-- wholesale memberships. And a ledger account kind for what a merchant owes the platform.
ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IN
    ('WALLET', 'ESCROW', 'MERCHANT', 'FEE_REVENUE', 'SALES_REVENUE', 'PROVIDER_CLEARING', 'AD_ACCOUNT', 'AD_REVENUE',
     'MERCHANT_DEBT'));
-- Merchant debt is the one row-updated kind that may go below zero (never above).
ALTER TABLE payment.accounts ADD CONSTRAINT accounts_debt_not_positive CHECK (kind <> 'MERCHANT_DEBT' OR balance_minor <= 0);

CREATE SCHEMA IF NOT EXISTS billing;

-- One version of one fee rule. A rule is its scope (kind, store kind, category, store); its versions are ordered by
-- effective_from, and an order pays the version in force when it was paid. Versions are never updated or deleted.
CREATE TABLE billing.fee_rules (
    id             BIGSERIAL PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('SERVICE_FEE', 'COMMISSION', 'MEMBERSHIP')),
    store_kind     TEXT        CHECK (store_kind IN ('TAOBAO', 'TMALL', 'SUPERMARKET', 'LOCAL', 'GLOBAL', 'WHOLESALE')),
    category_id    BIGINT,
    store_id       BIGINT,
    rate_bp        INT         CHECK (rate_bp BETWEEN 0 AND 3000),
    amount_minor   BIGINT      CHECK (amount_minor >= 0),
    currency       CHAR(3),
    effective_from TIMESTAMPTZ NOT NULL,
    note           TEXT        NOT NULL DEFAULT '',
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'MEMBERSHIP') = (amount_minor IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((kind = 'MEMBERSHIP') = (rate_bp IS NULL)),
    CHECK (kind <> 'COMMISSION' OR category_id IS NOT NULL)
);
CREATE INDEX fee_rules_scope ON billing.fee_rules (kind, effective_from);

-- The software service fee on Taobao stores, 0.6% of the value the buyer keeps, as it has always been.
INSERT INTO billing.fee_rules (kind, store_kind, rate_bp, effective_from, note, created_by, created_at)
VALUES ('SERVICE_FEE', 'TAOBAO', 60, TIMESTAMPTZ '2000-01-01 00:00:00+00', 'software service fee', 'system', now());
-- Wholesale suppliers pay an annual membership instead of per-order fees.
INSERT INTO billing.fee_rules (kind, store_kind, amount_minor, currency, effective_from, note, created_by, created_at)
VALUES ('MEMBERSHIP', 'WHOLESALE', 688000, 'CNY', TIMESTAMPTZ '2000-01-01 00:00:00+00', 'annual membership', 'system', now());

-- A new-merchant rebate: the share of fees given back on orders paid within the first days after a store opened,
-- and/or up to a GMV cap per store. Programmes are never edited; a new one (or end_at) replaces one.
CREATE TABLE billing.rebate_programmes (
    id             BIGSERIAL PRIMARY KEY,
    name           TEXT        NOT NULL,
    store_kind     TEXT        CHECK (store_kind IN ('TAOBAO', 'TMALL', 'SUPERMARKET', 'LOCAL', 'GLOBAL', 'WHOLESALE')),
    rebate_bp      INT         NOT NULL CHECK (rebate_bp BETWEEN 1 AND 10000),
    days           INT         CHECK (days BETWEEN 1 AND 3650),
    gmv_cap_minor  BIGINT      CHECK (gmv_cap_minor > 0),
    currency       CHAR(3)     NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    end_at         TIMESTAMPTZ,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CHECK (end_at IS NULL OR end_at > effective_from),
    CHECK (days IS NOT NULL OR gmv_cap_minor IS NOT NULL)
);

-- Every fee booked on an order: a CHARGE per rule version (and line, for commissions) when the order completed, a
-- REBATE (negative) per programme, and after a refund of a settled order the REVERSAL of each (refund_id set).
-- The sum over an order is what fee revenue holds of it on the ledger.
CREATE TABLE billing.order_charges (
    id             BIGSERIAL PRIMARY KEY,
    order_id       BIGINT      NOT NULL,
    refund_id      BIGINT,
    store_id       BIGINT      NOT NULL,
    seller_id      BIGINT      NOT NULL,
    entry          TEXT        NOT NULL CHECK (entry IN ('CHARGE', 'REBATE', 'REVERSAL')),
    rule_kind      TEXT        NOT NULL CHECK (rule_kind IN ('SERVICE_FEE', 'COMMISSION', 'CATEGORY_COMMISSION', 'REBATE')),
    rule_id        BIGINT,
    line_id        BIGINT,
    rate_bp        INT         NOT NULL,
    basis_minor    BIGINT      NOT NULL,
    amount_minor   BIGINT      NOT NULL,
    currency       CHAR(3)     NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_charges_order ON billing.order_charges (order_id);
CREATE INDEX order_charges_seller ON billing.order_charges (seller_id, at);
-- An order is charged once, and each refund reversed once.
CREATE UNIQUE INDEX order_charges_once ON billing.order_charges (order_id, coalesce(refund_id, 0), rule_kind,
    coalesce(rule_id, 0), coalesce(line_id, 0), entry);

-- A wholesale store's membership years. The fee is charged from the merchant balance; what it cannot pay is the
-- merchant's debt, and the store keeps selling while it is paid off from its settlements.
CREATE TABLE billing.memberships (
    id            BIGSERIAL PRIMARY KEY,
    store_id      BIGINT      NOT NULL,
    seller_id     BIGINT      NOT NULL,
    rule_id       BIGINT      NOT NULL REFERENCES billing.fee_rules (id),
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    fee_minor     BIGINT      NOT NULL,
    debt_minor    BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    billed_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (store_id, starts_at)
);
