-- An order placed by a buyer who shows prices in another currency records that currency, the rate of the day and the
-- total in it, beside the order's own currency and total (which the buyer pays and the merchant settles in).
ALTER TABLE ordering.orders
    ADD COLUMN buyer_currency    CHAR(3),
    ADD COLUMN buyer_total_minor BIGINT,
    ADD COLUMN fx_rate           NUMERIC(20, 8) CHECK (fx_rate > 0),
    ADD COLUMN fx_rate_day       DATE,
    ADD CONSTRAINT orders_buyer_amount_whole CHECK (
        (buyer_currency IS NULL) = (buyer_total_minor IS NULL)
        AND (buyer_currency IS NULL) = (fx_rate IS NULL)
        AND (buyer_currency IS NULL) = (fx_rate_day IS NULL));
