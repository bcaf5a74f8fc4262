-- Festivals (campaigns such as 618 and 11.11) and presale offers, owned by the pricing module.
CREATE SCHEMA IF NOT EXISTS pricing;

CREATE TABLE pricing.festivals (
    id             BIGSERIAL PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('SHOPPING_FESTIVAL', 'VALUE_CHANNEL')),
    name_en        TEXT        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    name_zh        TEXT        NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    presale_from   TIMESTAMPTZ,
    presale_until  TIMESTAMPTZ,
    final_from     TIMESTAMPTZ,
    final_until    TIMESTAMPTZ,
    created_by     BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at),
    -- The presale windows come all four together or not at all, in order: deposits, then final payments.
    CHECK ((presale_from IS NULL) = (presale_until IS NULL) AND (presale_from IS NULL) = (final_from IS NULL)
           AND (presale_from IS NULL) = (final_until IS NULL)),
    CHECK (presale_from IS NULL OR (presale_from < presale_until AND presale_until <= final_from
           AND final_from < final_until))
);
CREATE INDEX festivals_ends ON pricing.festivals (ends_at);

-- The merchants (stores) an operator lets take part.
CREATE TABLE pricing.festival_stores (
    festival_id BIGINT      NOT NULL REFERENCES pricing.festivals (id),
    store_id    BIGINT      NOT NULL,
    seller_id   BIGINT      NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (festival_id, store_id)
);

-- The SKUs merchants enrol. An operator's removal is kept (removed_at), so the merchant cannot enrol the SKU again.
CREATE TABLE pricing.festival_enrolments (
    festival_id BIGINT      NOT NULL REFERENCES pricing.festivals (id),
    sku_id      BIGINT      NOT NULL,
    product_id  BIGINT      NOT NULL,
    store_id    BIGINT      NOT NULL,
    enrolled_at TIMESTAMPTZ NOT NULL,
    enrolled_by TEXT        NOT NULL,
    removed_at  TIMESTAMPTZ,
    removed_by  TEXT,
    PRIMARY KEY (festival_id, sku_id)
);
CREATE INDEX festival_enrolments_store ON pricing.festival_enrolments (store_id, festival_id);

-- One row, bumped in every transaction that changes an enrolment: each instance reloads its in-memory scope when
-- the number it last read has moved.
CREATE TABLE pricing.festival_scope_version (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version  BIGINT  NOT NULL
);
INSERT INTO pricing.festival_scope_version (version) VALUES (0);

-- A SKU on presale in a festival: a deposit worth more at final payment, and what happens to an unpaid final.
CREATE TABLE pricing.presale_offers (
    id              BIGSERIAL PRIMARY KEY,
    festival_id     BIGINT      NOT NULL REFERENCES pricing.festivals (id),
    sku_id          BIGINT      NOT NULL,
    product_id      BIGINT      NOT NULL,
    store_id        BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    deposit_minor   BIGINT      NOT NULL CHECK (deposit_minor > 0),
    worth_minor     BIGINT      NOT NULL CHECK (worth_minor >= deposit_minor),
    per_buyer_limit INT         NOT NULL CHECK (per_buyer_limit BETWEEN 1 AND 100),
    unpaid_rule     TEXT        NOT NULL CHECK (unpaid_rule IN ('FORFEIT', 'REFUND')),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (festival_id, sku_id)
);
