-- Buyers' reviews of what they bought: one per order line, rating 1 to 5.
CREATE SCHEMA reviews;

CREATE TABLE reviews.reviews (
    id                BIGSERIAL   PRIMARY KEY,
    buyer_account_id  BIGINT      NOT NULL,
    order_id          BIGINT      NOT NULL,
    order_line_id     BIGINT      NOT NULL UNIQUE,
    product_id        BIGINT      NOT NULL,
    sku_id            BIGINT      NOT NULL,
    rating            SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body              TEXT        NOT NULL CHECK (length(body) <= 1000),
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX reviews_by_product ON reviews.reviews (product_id, created_at DESC, id DESC);
CREATE INDEX reviews_by_order ON reviews.reviews (order_id);
