CREATE SCHEMA IF NOT EXISTS fx;

-- How many yuan one unit of a currency is worth on a day; a reload of a day replaces its rate.
CREATE TABLE fx.rates (
    currency     CHAR(3)        NOT NULL CHECK (currency <> 'CNY'),
    day          DATE           NOT NULL,
    cny_per_unit NUMERIC(20, 8) NOT NULL CHECK (cny_per_unit > 0),
    loaded_at    TIMESTAMPTZ    NOT NULL,
    loaded_by    BIGINT         NOT NULL,
    PRIMARY KEY (currency, day)
);

-- Loads refused, for the operator to see what was refused and why (the bundle key of the reason).
CREATE TABLE fx.refused_loads (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    operator_id BIGINT      NOT NULL,
    row_number  INT         NOT NULL,
    column_name TEXT        NOT NULL,
    reason      TEXT        NOT NULL
);

-- The currency an account wants prices shown in.
CREATE TABLE fx.display_currencies (
    account_id BIGINT PRIMARY KEY,
    currency   CHAR(3) NOT NULL
);
