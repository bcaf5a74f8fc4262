-- The seller centre's low-stock alerts: a threshold per SKU chosen by its seller. A SKU whose available units
-- fall to its threshold or below is listed as an alert (and counted in the badge) until stock comes back.
CREATE TABLE web.stock_thresholds (
    sku_id     BIGINT      PRIMARY KEY,
    store_id   BIGINT      NOT NULL,
    threshold  BIGINT      NOT NULL CHECK (threshold >= 0),
    set_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_thresholds_store ON web.stock_thresholds (store_id);
