CREATE SCHEMA IF NOT EXISTS tax;

-- A VAT table takes effect on a day and holds a standard rate for every EU member state; the one in force on a day is
-- the latest that began on or before it.
CREATE TABLE tax.vat_tables (
    id             BIGSERIAL PRIMARY KEY,
    effective_from DATE        NOT NULL UNIQUE,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     BIGINT      NOT NULL
);

CREATE TABLE tax.vat_rates (
    table_id     BIGINT  NOT NULL REFERENCES tax.vat_tables (id),
    country      CHAR(2) NOT NULL,
    basis_points INT     NOT NULL CHECK (basis_points BETWEEN 0 AND 3000),
    PRIMARY KEY (table_id, country)
);

-- A non-EU destination's duty: a rate on goods worth more than a threshold.
CREATE TABLE tax.import_rules (
    country         CHAR(2) PRIMARY KEY,
    currency        CHAR(3) NOT NULL,
    threshold_minor BIGINT  NOT NULL CHECK (threshold_minor >= 0),
    basis_points    INT     NOT NULL CHECK (basis_points BETWEEN 0 AND 10000)
);
