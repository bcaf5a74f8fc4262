CREATE SCHEMA IF NOT EXISTS catalog;

CREATE TABLE catalog.categories (
    id            BIGSERIAL PRIMARY KEY,
    parent_id     BIGINT REFERENCES catalog.categories (id),
    name          TEXT NOT NULL,
    commission_bp INT  NOT NULL CHECK (commission_bp BETWEEN 0 AND 5000)
);
CREATE INDEX categories_parent ON catalog.categories (parent_id);

CREATE TABLE catalog.brands (
    id   BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE catalog.products (
    id          BIGSERIAL PRIMARY KEY,
    store_id    BIGINT      NOT NULL,
    category_id BIGINT      NOT NULL REFERENCES catalog.categories (id),
    brand_id    BIGINT REFERENCES catalog.brands (id),
    title       TEXT        NOT NULL,
    description TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('DRAFT', 'LISTED', 'DELISTED')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX products_store ON catalog.products (store_id, id DESC);
CREATE INDEX products_category_listed ON catalog.products (category_id, id DESC) WHERE status = 'LISTED';
CREATE INDEX products_listed ON catalog.products (id DESC) WHERE status = 'LISTED';

CREATE TABLE catalog.product_images (
    product_id BIGINT NOT NULL REFERENCES catalog.products (id),
    position   INT    NOT NULL,
    url        TEXT   NOT NULL,
    PRIMARY KEY (product_id, position)
);

CREATE TABLE catalog.skus (
    id          BIGSERIAL PRIMARY KEY,
    product_id  BIGINT  NOT NULL REFERENCES catalog.products (id),
    attributes  JSONB   NOT NULL DEFAULT '{}',
    price_minor BIGINT  NOT NULL CHECK (price_minor > 0),
    currency    CHAR(3) NOT NULL,
    barcode     TEXT
);
CREATE INDEX skus_product ON catalog.skus (product_id);
