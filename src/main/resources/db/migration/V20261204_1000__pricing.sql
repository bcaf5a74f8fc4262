-- Pricing: coupon pools and the coupons buyers hold, SKU-level promotions (flash-sale, limited-time, subsidised and
-- member prices), cross-store threshold discounts, and one version row that every change bumps so that each
-- application instance reloads its in-memory snapshot of the promotions in force.
CREATE SCHEMA IF NOT EXISTS pricing;

-- A pool of coupons: a merchant's store coupons (store_id set) or the platform's vouchers. issued never passes
-- total_limit: claims raise it with one guarded UPDATE.
CREATE TABLE pricing.pools (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    funder           TEXT        NOT NULL CHECK (funder IN ('MERCHANT', 'PLATFORM')),
    store_id         BIGINT,
    festival_id      BIGINT,
    amount_off_minor BIGINT      NOT NULL CHECK (amount_off_minor > 0),
    threshold_minor  BIGINT      NOT NULL CHECK (threshold_minor >= 0),
    currency         CHAR(3)     NOT NULL,
    total_limit      BIGINT      NOT NULL CHECK (total_limit > 0),
    per_buyer_limit  INT         NOT NULL CHECK (per_buyer_limit > 0),
    issued           BIGINT      NOT NULL DEFAULT 0,
    used             BIGINT      NOT NULL DEFAULT 0,
    claim_from       TIMESTAMPTZ NOT NULL,
    claim_until      TIMESTAMPTZ NOT NULL,
    valid_from       TIMESTAMPTZ NOT NULL,
    valid_until      TIMESTAMPTZ NOT NULL,
    members_only     BOOLEAN     NOT NULL,
    grant_only       BOOLEAN     NOT NULL,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    CHECK (issued BETWEEN 0 AND total_limit),
    CHECK (used BETWEEN 0 AND issued),
    CHECK ((funder = 'MERCHANT') = (store_id IS NOT NULL)),
    CHECK (claim_from < claim_until AND valid_from < valid_until)
);
CREATE INDEX pools_store ON pricing.pools (store_id, claim_until);

-- How many coupons of a pool one buyer holds: the per-buyer limit is kept by a guarded upsert of this row.
CREATE TABLE pricing.buyer_claims (
    pool_id          BIGINT NOT NULL REFERENCES pricing.pools (id),
    buyer_account_id BIGINT NOT NULL,
    claimed          INT    NOT NULL CHECK (claimed > 0),
    PRIMARY KEY (pool_id, buyer_account_id)
);

-- One coupon a buyer holds. used_at is set when a checkout redeems it and cleared when every order it was used on is
-- cancelled unpaid.
CREATE TABLE pricing.claims (
    id               BIGSERIAL PRIMARY KEY,
    pool_id          BIGINT      NOT NULL REFERENCES pricing.pools (id),
    buyer_account_id BIGINT      NOT NULL,
    claimed_at       TIMESTAMPTZ NOT NULL,
    grant_key        TEXT,
    used_at          TIMESTAMPTZ,
    checkout_id      BIGINT,
    UNIQUE (pool_id, grant_key)
);
CREATE INDEX claims_buyer ON pricing.claims (buyer_account_id, id DESC);

-- The orders a redeemed coupon was used on; released once an order is cancelled unpaid.
CREATE TABLE pricing.claim_orders (
    claim_id BIGINT  NOT NULL REFERENCES pricing.claims (id),
    order_id BIGINT  NOT NULL,
    released BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (claim_id, order_id)
);
CREATE INDEX claim_orders_order ON pricing.claim_orders (order_id);

-- A price on one SKU for a window: a merchant's flash-sale price or limited-time discount, the platform's subsidised
-- price, or the member price the merchant opted the SKU into. Either a price or a percentage off.
CREATE TABLE pricing.sku_promotions (
    id            BIGSERIAL PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('FLASH_SALE', 'LIMITED_TIME', 'SUBSIDY', 'MEMBER_PRICE')),
    name          TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    store_id      BIGINT      NOT NULL,
    sku_id        BIGINT      NOT NULL,
    price_minor   BIGINT      CHECK (price_minor >= 0),
    currency      CHAR(3),
    percent_bp    INT         CHECK (percent_bp BETWEEN 1 AND 8000),
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CHECK ((price_minor IS NULL) <> (percent_bp IS NULL)),
    CHECK ((price_minor IS NULL) = (currency IS NULL)),
    CHECK (starts_at < ends_at)
);
CREATE INDEX sku_promotions_store ON pricing.sku_promotions (store_id, id DESC);

-- "RMB 50 off every RMB 300" across stores, up to a cap, optionally only on one festival's enrolled SKUs.
CREATE TABLE pricing.thresholds (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    step_minor  BIGINT      NOT NULL CHECK (step_minor > 0),
    off_minor   BIGINT      NOT NULL CHECK (off_minor > 0 AND off_minor < step_minor),
    cap_minor   BIGINT      NOT NULL CHECK (cap_minor >= off_minor),
    currency    CHAR(3)     NOT NULL,
    festival_id BIGINT,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);

-- Bumped in the transaction of every change to promotions; each instance polls it and reloads its snapshot.
CREATE TABLE pricing.version (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO pricing.version VALUES (1, 0);
