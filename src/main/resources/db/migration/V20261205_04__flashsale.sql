-- Flash sales: a quantity of one SKU at a sale price in a window, with a per-buyer limit. The sale row's
-- "sold" counts the units held by winning claims; it is the one row a hot sale updates, once per admission batch.
CREATE SCHEMA IF NOT EXISTS flashsale;

CREATE TABLE flashsale.sales (
    id               bigserial PRIMARY KEY,
    name             text        NOT NULL,
    sku_id           bigint      NOT NULL,
    product_id       bigint      NOT NULL,
    store_id         bigint      NOT NULL,
    seller_id        bigint      NOT NULL,
    title            text        NOT NULL,
    price_minor      bigint      NOT NULL CHECK (price_minor > 0),
    list_price_minor bigint      NOT NULL CHECK (list_price_minor > 0),
    currency         char(3)     NOT NULL,
    quantity         bigint      NOT NULL CHECK (quantity > 0),
    sold             bigint      NOT NULL DEFAULT 0,
    per_buyer_limit  int         NOT NULL CHECK (per_buyer_limit > 0),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    promotion_id     bigint      NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    CHECK (sold >= 0 AND sold <= quantity),
    CHECK (ends_at > starts_at)
);
CREATE INDEX sales_sku ON flashsale.sales (sku_id, ends_at);
CREATE INDEX sales_seller ON flashsale.sales (seller_id, id);
CREATE INDEX sales_ends ON flashsale.sales (ends_at);

-- Units each buyer holds in a sale (winning claims not given back); guarded against the sale's limit.
CREATE TABLE flashsale.buyer_counts (
    sale_id  bigint NOT NULL REFERENCES flashsale.sales (id),
    buyer_id bigint NOT NULL,
    quantity bigint NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (sale_id, buyer_id)
);

-- One row per winning attempt. WON: units held, order not yet placed; ORDERED: its order awaits payment (or was
-- paid); RETURNED: the order was cancelled (unpaid) and the units went back on sale; FAILED: the order could not be
-- placed and the units went back on sale.
CREATE TABLE flashsale.claims (
    id          bigserial PRIMARY KEY,
    sale_id     bigint      NOT NULL REFERENCES flashsale.sales (id),
    buyer_id    bigint      NOT NULL,
    quantity    bigint      NOT NULL CHECK (quantity > 0),
    attempt_key text        NOT NULL,
    address     jsonb       NOT NULL,
    status      text        NOT NULL CHECK (status IN ('WON', 'ORDERED', 'RETURNED', 'FAILED')),
    claimed_at  timestamptz NOT NULL,
    order_id    bigint UNIQUE,
    reason      text,
    UNIQUE (sale_id, buyer_id, attempt_key)
);
CREATE INDEX claims_to_order ON flashsale.claims (id) WHERE status = 'WON';
CREATE INDEX claims_buyer ON flashsale.claims (buyer_id, id);
