-- Each order line keeps the pricing engine's explanation: what the buyer paid for it after every discount, the part
-- of its discounts the platform funds (paid to the merchant at settlement), and each discount's share. Lines placed
-- before pricing paid their list price (paid_minor NULL reads as unit price × quantity).
ALTER TABLE ordering.order_lines
    ADD COLUMN paid_minor            BIGINT CHECK (paid_minor >= 0),
    ADD COLUMN platform_funded_minor BIGINT NOT NULL DEFAULT 0 CHECK (platform_funded_minor >= 0),
    ADD COLUMN adjustments           JSONB  NOT NULL DEFAULT '[]';
