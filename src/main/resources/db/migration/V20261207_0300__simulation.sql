-- The market simulator's own state: its runs, a line per finished simulated day (the progress log and the point a
-- restarted run continues from), the accounts, stores and SKUs it created, and every order it placed with the step
-- that order takes next. The platform's own data is written only through the modules' APIs, never here.
CREATE SCHEMA simulation;

CREATE TABLE simulation.runs (
    id           BIGSERIAL   PRIMARY KEY,
    label        TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    seed         BIGINT      NOT NULL,
    consumers    INT         NOT NULL CHECK (consumers > 0),
    merchants    INT         NOT NULL CHECK (merchants > 1),
    days         INT         NOT NULL CHECK (days > 0),
    first_day    DATE        NOT NULL,
    parallelism  INT         NOT NULL CHECK (parallelism > 0),
    intensity    DOUBLE PRECISION NOT NULL CHECK (intensity > 0),
    status       TEXT        NOT NULL CHECK (status IN ('RUNNING', 'STOPPED', 'FINISHED', 'FAILED')),
    set_up       BOOLEAN     NOT NULL DEFAULT false,
    days_done    INT         NOT NULL DEFAULT 0,
    orders       BIGINT      NOT NULL DEFAULT 0,
    gmv_minor    BIGINT      NOT NULL DEFAULT 0,
    busy_ms      BIGINT      NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);

CREATE TABLE simulation.days (
    run_id      BIGINT  NOT NULL REFERENCES simulation.runs (id),
    day_index   INT     NOT NULL,
    day         DATE    NOT NULL,
    visitors    INT     NOT NULL,
    orders      INT     NOT NULL,
    gmv_minor   BIGINT  NOT NULL,
    cancelled   INT     NOT NULL,
    refunds     INT     NOT NULL,
    reviews     INT     NOT NULL,
    new_buyers  INT     NOT NULL,
    vip_joins   INT     NOT NULL,
    ad_clicks   INT     NOT NULL,
    refused     INT     NOT NULL,
    wall_ms     BIGINT  NOT NULL,
    PRIMARY KEY (run_id, day_index)
);

CREATE TABLE simulation.merchants (
    run_id      BIGINT  NOT NULL REFERENCES simulation.runs (id),
    idx         INT     NOT NULL,
    account_id  BIGINT  NOT NULL,
    store_id    BIGINT  NOT NULL,
    kind        TEXT    NOT NULL,
    PRIMARY KEY (run_id, idx)
);

CREATE TABLE simulation.skus (
    run_id        BIGINT  NOT NULL REFERENCES simulation.runs (id),
    merchant_idx  INT     NOT NULL,
    idx           INT     NOT NULL,
    product_id    BIGINT  NOT NULL,
    sku_id        BIGINT  NOT NULL,
    price_minor   BIGINT  NOT NULL,
    PRIMARY KEY (run_id, merchant_idx, idx)
);

CREATE TABLE simulation.consumers (
    run_id      BIGINT  NOT NULL REFERENCES simulation.runs (id),
    idx         INT     NOT NULL,
    account_id  BIGINT  NOT NULL,
    PRIMARY KEY (run_id, idx)
);

CREATE TABLE simulation.orders (
    run_id        BIGINT      NOT NULL REFERENCES simulation.runs (id),
    order_id      BIGINT      NOT NULL,
    consumer_idx  INT         NOT NULL,
    merchant_idx  INT         NOT NULL,
    sku_idx       INT         NOT NULL,
    day_index     INT         NOT NULL,
    hour          INT         NOT NULL,
    quantity      INT         NOT NULL,
    total_minor   BIGINT      NOT NULL,
    currency      TEXT        NOT NULL,
    fate          TEXT        NOT NULL,
    rating        INT         NOT NULL,
    next_step     TEXT        NOT NULL,
    next_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, order_id)
);

CREATE INDEX orders_due ON simulation.orders (run_id, next_at) WHERE next_step <> 'DONE';
CREATE INDEX orders_in_order ON simulation.orders (run_id, day_index, hour, consumer_idx);
