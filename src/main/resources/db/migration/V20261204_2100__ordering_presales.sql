-- A buyer's presale: a deposit paid in the presale window that holds one unit, then the final payment that turns it
-- into an order, or the deposit forfeited or refunded by the offer's rule when the final window passes unpaid.
CREATE TABLE ordering.presales (
    id              BIGSERIAL PRIMARY KEY,
    offer_id        BIGINT      NOT NULL,
    festival_id     BIGINT      NOT NULL,
    buyer_id        BIGINT      NOT NULL,
    store_id        BIGINT      NOT NULL,
    store_kind      TEXT        NOT NULL,
    seller_id       BIGINT      NOT NULL,
    sku_id          BIGINT      NOT NULL,
    product_id      BIGINT      NOT NULL,
    title           TEXT        NOT NULL,
    quantity        BIGINT      NOT NULL CHECK (quantity = 1),
    currency        CHAR(3)     NOT NULL,
    deposit_minor   BIGINT      NOT NULL CHECK (deposit_minor > 0),
    worth_minor     BIGINT      NOT NULL CHECK (worth_minor >= deposit_minor),
    unpaid_rule     TEXT        NOT NULL CHECK (unpaid_rule IN ('FORFEIT', 'REFUND')),
    final_from      TIMESTAMPTZ NOT NULL,
    final_until     TIMESTAMPTZ NOT NULL,
    -- The stock is held under an id drawn from the orders' sequence, so it never names another order's reservation.
    reservation_id  BIGINT      NOT NULL UNIQUE,
    address         JSONB       NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('DEPOSIT_PAID', 'FINAL_PAID', 'FORFEITED', 'REFUNDED')),
    order_id        BIGINT      REFERENCES ordering.orders (id),
    deposit_paid_at TIMESTAMPTZ NOT NULL,
    final_paid_at   TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    CHECK ((status = 'FINAL_PAID') = (order_id IS NOT NULL))
);
CREATE INDEX presales_due ON ordering.presales (final_until) WHERE status = 'DEPOSIT_PAID';
CREATE INDEX presales_buyer ON ordering.presales (buyer_id, offer_id);
CREATE INDEX presales_store ON ordering.presales (store_id, id);
CREATE INDEX order_lines_sku ON ordering.order_lines (sku_id);
