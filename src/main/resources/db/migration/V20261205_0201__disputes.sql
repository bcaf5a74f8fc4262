-- Disputes: a buyer escalates a return the seller rejected; both sides state their case; an operator decides once.
-- One dispute per rejected refund. The decision and the refund it pays (ordering's refund path) commit together.
CREATE SCHEMA IF NOT EXISTS disputes;

CREATE TABLE disputes.disputes (
    id                BIGSERIAL   PRIMARY KEY,
    refund_id         BIGINT      NOT NULL UNIQUE,
    order_id          BIGINT      NOT NULL,
    buyer_id          BIGINT      NOT NULL,
    seller_id         BIGINT      NOT NULL,
    store_id          BIGINT      NOT NULL,
    currency          TEXT        NOT NULL,
    claimed_minor     BIGINT      NOT NULL CHECK (claimed_minor > 0),
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
    buyer_statement   TEXT        NOT NULL,
    seller_statement  TEXT,
    opened_at         TIMESTAMPTZ NOT NULL,
    outcome           TEXT        CHECK (outcome IN ('FULL', 'PARTIAL', 'NONE')),
    refunded_minor    BIGINT,
    paid_refund_id    BIGINT,
    decision_note     TEXT,
    decided_by        BIGINT,
    decided_at        TIMESTAMPTZ,
    CHECK ((status = 'DECIDED') = (outcome IS NOT NULL))
);
CREATE INDEX disputes_buyer ON disputes.disputes (buyer_id, id DESC);
CREATE INDEX disputes_seller ON disputes.disputes (seller_id, id DESC);
CREATE INDEX disputes_open ON disputes.disputes (status, id DESC);
