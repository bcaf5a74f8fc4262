-- Insights: the operator's numbers, kept current from the modules' events (see docs/kpis.md).
CREATE SCHEMA IF NOT EXISTS insights;

-- One row per counted fact of an order, written in the transaction of the event it comes from. The key names the event
-- (placed:12, paid:12, refund:7, revenue:12, feeback:7), so an event delivered twice counts once. The roll-up folds the
-- rows not yet folded into the daily tables below; the rows stay, as the memory of what was counted.
CREATE TABLE insights.facts (
    event_key    TEXT     PRIMARY KEY,
    kind         TEXT     NOT NULL CHECK (kind IN ('PLACED', 'PAID', 'REFUND', 'REVENUE')),
    order_id     BIGINT   NOT NULL,
    day          DATE     NOT NULL,
    segment      TEXT     NOT NULL,
    currency     CHAR(3)  NOT NULL,
    buyer_id     BIGINT   NOT NULL,
    amount_minor BIGINT   NOT NULL,
    orders       SMALLINT NOT NULL CHECK (orders IN (0, 1)),
    folded       BOOLEAN  NOT NULL DEFAULT false
);
CREATE INDEX facts_unfolded ON insights.facts (event_key) WHERE NOT folded;
CREATE INDEX facts_order ON insights.facts (order_id);

-- The daily roll-up by segment (store kind) and currency; every dashboard reads this, never the facts.
CREATE TABLE insights.daily_sales (
    day              DATE    NOT NULL,
    segment          TEXT    NOT NULL,
    currency         CHAR(3) NOT NULL,
    placed_orders    BIGINT  NOT NULL DEFAULT 0,
    paid_orders      BIGINT  NOT NULL DEFAULT 0,
    gmv_minor        BIGINT  NOT NULL DEFAULT 0,
    refunded_minor   BIGINT  NOT NULL DEFAULT 0,
    completed_orders BIGINT  NOT NULL DEFAULT 0,
    revenue_minor    BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, segment, currency)
);

-- Each buyer's first paid order (the cohort) and the months in which they paid for an order (activity).
CREATE TABLE insights.buyers (
    buyer_id  BIGINT PRIMARY KEY,
    first_day DATE   NOT NULL
);
CREATE INDEX buyers_first_day ON insights.buyers (first_day);

CREATE TABLE insights.buyer_months (
    month    DATE   NOT NULL,
    buyer_id BIGINT NOT NULL,
    PRIMARY KEY (month, buyer_id)
);
CREATE INDEX buyer_months_buyer ON insights.buyer_months (buyer_id, month);

-- Figures taken per day from the ledger and the merchant module (fees, ads, subsidies, memberships, new stores),
-- replaced day by day, so taking a day again gives the same row.
CREATE TABLE insights.daily_booked (
    day          DATE    NOT NULL,
    metric       TEXT    NOT NULL,
    currency     CHAR(3) NOT NULL,
    amount_minor BIGINT  NOT NULL,
    PRIMARY KEY (day, metric, currency)
);

-- The last day the booked figures were taken through, so days missed (a stopped platform) are taken next time.
CREATE TABLE insights.booked_taken (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    through DATE    NOT NULL
);

-- The activity stream (visits, searches, product views, cart additions), written in batches: one row per visitor and
-- day and per visitor and month, and the day's totals.
CREATE TABLE insights.visitor_days (
    day     DATE NOT NULL,
    visitor TEXT NOT NULL,
    PRIMARY KEY (day, visitor)
);

CREATE TABLE insights.visitor_months (
    month   DATE NOT NULL,
    visitor TEXT NOT NULL,
    PRIMARY KEY (month, visitor)
);

CREATE TABLE insights.daily_activity (
    day      DATE   PRIMARY KEY,
    visitors BIGINT NOT NULL DEFAULT 0,
    visits   BIGINT NOT NULL DEFAULT 0,
    searches BIGINT NOT NULL DEFAULT 0,
    views    BIGINT NOT NULL DEFAULT 0,
    carts    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE insights.monthly_visitors (
    month    DATE   PRIMARY KEY,
    visitors BIGINT NOT NULL DEFAULT 0
);
