-- Buyers' saved delivery addresses. Region codes (GB/T 2260) for Chinese addresses; the names are kept beside them
-- so an address reads the same after the region list changes.
CREATE SCHEMA IF NOT EXISTS addressbook;

CREATE TABLE addressbook.addresses (
    id            BIGSERIAL   PRIMARY KEY,
    buyer_id      BIGINT      NOT NULL,
    recipient     TEXT        NOT NULL,
    phone         TEXT        NOT NULL,
    country       CHAR(2)     NOT NULL,
    province_code CHAR(6),
    city_code     CHAR(6),
    district_code CHAR(6),
    province      TEXT,
    city          TEXT        NOT NULL,
    district      TEXT,
    detail        TEXT        NOT NULL,
    postal_code   TEXT,
    is_default    BOOLEAN     NOT NULL DEFAULT false,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX addresses_buyer ON addressbook.addresses (buyer_id, updated_at DESC);
CREATE UNIQUE INDEX addresses_one_default ON addressbook.addresses (buyer_id) WHERE is_default;
