-- Buyers' favourite products and stores.
CREATE SCHEMA favourites;

CREATE TABLE favourites.products (
    buyer_account_id BIGINT      NOT NULL,
    product_id       BIGINT      NOT NULL,
    added_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (buyer_account_id, product_id)
);

CREATE TABLE favourites.stores (
    buyer_account_id BIGINT      NOT NULL,
    store_id         BIGINT      NOT NULL,
    added_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (buyer_account_id, store_id)
);

CREATE INDEX stores_followers ON favourites.stores (store_id);
