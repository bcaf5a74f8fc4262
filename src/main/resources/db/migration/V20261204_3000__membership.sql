-- Engagement points ("Taoqi"), 88VIP terms, partner entitlements and members' monthly coupon pools.
CREATE SCHEMA membership;

-- Every award or reversal of points, once per source (an order, a refund, a review, a day's check-in).
CREATE TABLE membership.points (
    id                BIGSERIAL   PRIMARY KEY,
    buyer_account_id  BIGINT      NOT NULL,
    source            TEXT        NOT NULL,
    reason            TEXT        NOT NULL CHECK (reason IN ('ORDER_PAID', 'REFUND', 'REVIEW', 'CHECK_IN')),
    points            BIGINT      NOT NULL,
    order_id          BIGINT,
    money_minor       BIGINT,     -- the CNY paid or refunded behind an order's or refund's points
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (buyer_account_id, source)
);
CREATE INDEX points_by_buyer ON membership.points (buyer_account_id, created_at DESC, id DESC);
CREATE INDEX points_by_order ON membership.points (order_id) WHERE order_id IS NOT NULL;

-- One row per buyer who ever joined: the row each join, renewal and cancellation of the buyer locks first.
CREATE TABLE membership.members (
    buyer_account_id  BIGINT      PRIMARY KEY,
    auto_renew        BOOLEAN     NOT NULL DEFAULT false,
    first_joined_at   TIMESTAMPTZ NOT NULL
);

-- A paid year of 88VIP: a join or a renewal (which starts when the term before it ends). A cancelled term ends when
-- it was cancelled. The term that ended without a successor is the end of a membership (churn).
CREATE TABLE membership.terms (
    id                BIGSERIAL   PRIMARY KEY,
    buyer_account_id  BIGINT      NOT NULL REFERENCES membership.members (buyer_account_id),
    kind              TEXT        NOT NULL CHECK (kind IN ('JOIN', 'RENEWAL', 'AUTO_RENEWAL')),
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL,
    price_minor       BIGINT      NOT NULL CHECK (price_minor > 0),
    currency          CHAR(3)     NOT NULL,
    points_at_purchase BIGINT     NOT NULL,
    purchased_at      TIMESTAMPTZ NOT NULL,
    cancelled_at      TIMESTAMPTZ,
    refund_posting_id BIGINT,
    charge_posting_id BIGINT,
    CHECK (ends_at > starts_at OR cancelled_at IS NOT NULL)
);
CREATE INDEX terms_by_buyer ON membership.terms (buyer_account_id, starts_at DESC);
CREATE INDEX terms_by_end ON membership.terms (ends_at) WHERE cancelled_at IS NULL;

-- Bundled partner benefits of a term, each with its redemption code.
CREATE TABLE membership.entitlements (
    id          BIGSERIAL   PRIMARY KEY,
    term_id     BIGINT      NOT NULL REFERENCES membership.terms (id),
    partner     TEXT        NOT NULL CHECK (partner IN ('VIDEO', 'FOOD_DELIVERY', 'TRAVEL', 'GROCERY')),
    code        TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (term_id, partner)
);

-- The platform's members-only coupon pool of each month (YYYY-MM in the marketplace's time zone).
CREATE TABLE membership.monthly_pools (
    month       CHAR(7)     PRIMARY KEY,
    pool_id     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Members' coupons granted, once per member and month.
CREATE TABLE membership.monthly_grants (
    month             CHAR(7)     NOT NULL,
    buyer_account_id  BIGINT      NOT NULL,
    claim_id          BIGINT      NOT NULL,
    granted_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (month, buyer_account_id)
);
