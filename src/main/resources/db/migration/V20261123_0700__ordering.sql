CREATE SCHEMA IF NOT EXISTS ordering;

CREATE TABLE ordering.cart_items (
    buyer_id BIGINT      NOT NULL,
    sku_id   BIGINT      NOT NULL,
    quantity BIGINT      NOT NULL CHECK (quantity > 0),
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (buyer_id, sku_id)
);

CREATE TABLE ordering.checkouts (
    id         BIGSERIAL PRIMARY KEY,
    buyer_id   BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE ordering.orders (
    id              BIGSERIAL PRIMARY KEY,
    checkout_id     BIGINT      NOT NULL REFERENCES ordering.checkouts (id),
    buyer_id        BIGINT      NOT NULL,
    store_id        BIGINT      NOT NULL,
    store_kind      TEXT        NOT NULL,
    seller_id       BIGINT      NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'REFUNDED')),
    currency        CHAR(3)     NOT NULL,
    total_minor     BIGINT      NOT NULL CHECK (total_minor > 0),
    refunded_minor  BIGINT      NOT NULL CHECK (refunded_minor >= 0),
    fee_minor       BIGINT,
    address         JSONB       NOT NULL,
    carrier         TEXT,
    tracking_number TEXT,
    placed_at       TIMESTAMPTZ NOT NULL,
    pay_by          TIMESTAMPTZ NOT NULL,
    paid_at         TIMESTAMPTZ,
    shipped_at      TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    CHECK (refunded_minor <= total_minor)
);
CREATE INDEX orders_buyer ON ordering.orders (buyer_id, id DESC);
CREATE INDEX orders_seller ON ordering.orders (seller_id, id DESC);
CREATE INDEX orders_checkout ON ordering.orders (checkout_id);
CREATE INDEX orders_unpaid ON ordering.orders (pay_by) WHERE status = 'AWAITING_PAYMENT';
CREATE INDEX orders_delivered ON ordering.orders (delivered_at) WHERE status = 'DELIVERED';

CREATE TABLE ordering.order_lines (
    id                      BIGSERIAL PRIMARY KEY,
    order_id                BIGINT NOT NULL REFERENCES ordering.orders (id),
    sku_id                  BIGINT NOT NULL,
    product_id              BIGINT NOT NULL,
    title                   TEXT   NOT NULL,
    attributes              JSONB  NOT NULL,
    unit_price_minor        BIGINT NOT NULL CHECK (unit_price_minor > 0),
    quantity                BIGINT NOT NULL CHECK (quantity > 0),
    refunded_quantity       BIGINT NOT NULL CHECK (refunded_quantity >= 0),
    pending_refund_quantity BIGINT NOT NULL CHECK (pending_refund_quantity >= 0),
    category_id             BIGINT NOT NULL,
    commission_bp           INT    NOT NULL,
    CHECK (refunded_quantity + pending_refund_quantity <= quantity)
);
CREATE INDEX order_lines_order ON ordering.order_lines (order_id);

-- Every transition, with who made it and when.
CREATE TABLE ordering.order_history (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES ordering.orders (id),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    note        TEXT
);
CREATE INDEX order_history_order ON ordering.order_history (order_id, id);

CREATE TABLE ordering.refunds (
    id            BIGSERIAL PRIMARY KEY,
    order_id      BIGINT      NOT NULL REFERENCES ordering.orders (id),
    status        TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED')),
    return_goods  BOOLEAN     NOT NULL,
    amount_minor  BIGINT      NOT NULL CHECK (amount_minor > 0),
    reason        TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    decide_by     TIMESTAMPTZ,
    decided_at    TIMESTAMPTZ,
    decided_by    TEXT,
    decision_note TEXT
);
CREATE INDEX refunds_order ON ordering.refunds (order_id);
CREATE INDEX refunds_requested ON ordering.refunds (decide_by) WHERE status = 'REQUESTED';

CREATE TABLE ordering.refund_lines (
    refund_id    BIGINT NOT NULL REFERENCES ordering.refunds (id),
    line_id      BIGINT NOT NULL REFERENCES ordering.order_lines (id),
    quantity     BIGINT NOT NULL CHECK (quantity > 0),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (refund_id, line_id)
);
