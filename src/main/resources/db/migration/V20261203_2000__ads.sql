-- Whole-site promotion ads: campaigns, the key that signs click links, served auctions, impressions, clicks,
-- spend per campaign and day, conversions, and the operator's slot settings per placement.
CREATE SCHEMA ads;

CREATE TABLE ads.campaigns (
    id                        BIGSERIAL PRIMARY KEY,
    seller_account_id         BIGINT      NOT NULL,
    store_id                  BIGINT      NOT NULL,
    product_id                BIGINT      NOT NULL,
    category_id               BIGINT      NOT NULL,
    name                      TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    currency                  CHAR(3)     NOT NULL,
    daily_budget_minor        BIGINT      NOT NULL CHECK (daily_budget_minor > 0),
    target_roi                NUMERIC(6, 2) NOT NULL CHECK (target_roi > 0),
    expected_order_value_minor BIGINT     NOT NULL CHECK (expected_order_value_minor > 0),
    status                    TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    starts_at                 TIMESTAMPTZ NOT NULL,
    ends_at                   TIMESTAMPTZ,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL,
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX campaigns_seller ON ads.campaigns (seller_account_id, id);
CREATE INDEX campaigns_product ON ads.campaigns (product_id);

-- Spend per campaign and day (in the marketplace's time zone); the guarded update of this row keeps a day's
-- spend within the campaign's daily budget however many clicks race.
CREATE TABLE ads.campaign_days (
    campaign_id BIGINT NOT NULL REFERENCES ads.campaigns (id),
    day         DATE   NOT NULL,
    spent_minor BIGINT NOT NULL DEFAULT 0 CHECK (spent_minor >= 0),
    PRIMARY KEY (campaign_id, day)
);

-- The key that signs click links: generated once by the first instance that starts, shared by all.
CREATE TABLE ads.signing_keys (
    id         INT         PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL CHECK (length(secret) >= 32),
    created_at TIMESTAMPTZ NOT NULL
);

-- Every served auction, with what explains its prices: the reserve, the winners and every ranked candidate's score.
CREATE TABLE ads.auctions (
    id          BIGSERIAL   PRIMARY KEY,
    placement   TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    reserve_minor BIGINT    NOT NULL,
    viewer      TEXT        NOT NULL,
    ranked      JSONB       NOT NULL
);
CREATE INDEX auctions_at ON ads.auctions (at);

-- One row per ad shown: the campaign, its slot and the price per click it would pay.
CREATE TABLE ads.impressions (
    auction_id  BIGINT      NOT NULL REFERENCES ads.auctions (id),
    campaign_id BIGINT      NOT NULL REFERENCES ads.campaigns (id),
    position    INT         NOT NULL,
    bid_minor   BIGINT      NOT NULL,
    price_minor BIGINT      NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (auction_id, campaign_id)
);
CREATE INDEX impressions_campaign_at ON ads.impressions (campaign_id, at);

-- Every click on a valid link, charged or not; the primary key counts one auction's ad once.
CREATE TABLE ads.clicks (
    id              BIGSERIAL   PRIMARY KEY,
    auction_id      BIGINT      NOT NULL REFERENCES ads.auctions (id),
    campaign_id     BIGINT      NOT NULL REFERENCES ads.campaigns (id),
    product_id      BIGINT      NOT NULL,
    position        INT         NOT NULL,
    viewer          TEXT        NOT NULL,
    buyer_account_id BIGINT,
    price_minor     BIGINT      NOT NULL,
    charged_minor   BIGINT      NOT NULL CHECK (charged_minor >= 0),
    outcome         TEXT        NOT NULL CHECK (outcome IN ('CHARGED', 'REPEATED', 'OVER_BUDGET', 'NO_FUNDS', 'ENDED')),
    posting_id      BIGINT,
    at              TIMESTAMPTZ NOT NULL,
    UNIQUE (auction_id, campaign_id)
);
CREATE INDEX clicks_campaign_at ON ads.clicks (campaign_id, at);
CREATE INDEX clicks_viewer ON ads.clicks (viewer, campaign_id, at);
CREATE INDEX clicks_buyer_product ON ads.clicks (buyer_account_id, product_id, at) WHERE buyer_account_id IS NOT NULL;

-- An order attributed to the buyer's last click on the advertised product within the window; once per order and product.
CREATE TABLE ads.conversions (
    order_id    BIGINT      NOT NULL,
    product_id  BIGINT      NOT NULL,
    click_id    BIGINT      NOT NULL REFERENCES ads.clicks (id),
    campaign_id BIGINT      NOT NULL REFERENCES ads.campaigns (id),
    gmv_minor   BIGINT      NOT NULL CHECK (gmv_minor >= 0),
    at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX conversions_campaign_at ON ads.conversions (campaign_id, at);

-- The operator's settings per placement: how many sponsored slots, and the reserve price per click.
CREATE TABLE ads.placements (
    placement     TEXT        PRIMARY KEY CHECK (placement IN ('SEARCH', 'FEED')),
    slots         INT         NOT NULL CHECK (slots BETWEEN 0 AND 10),
    reserve_minor BIGINT      NOT NULL CHECK (reserve_minor BETWEEN 1 AND 100000),
    updated_at    TIMESTAMPTZ NOT NULL
);
INSERT INTO ads.placements (placement, slots, reserve_minor, updated_at) VALUES
    ('SEARCH', 2, 10, now()), ('FEED', 2, 10, now());

-- What a buyer showed interest in lately (categories bought or clicked), for the home feed's ads.
CREATE TABLE ads.buyer_interests (
    buyer_account_id BIGINT      NOT NULL,
    category_id      BIGINT      NOT NULL,
    last_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (buyer_account_id, category_id)
);
