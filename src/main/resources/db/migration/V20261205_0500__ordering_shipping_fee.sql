-- The shipping fee a store charges is part of the order's total (and the merchant's at settlement); kept apart so the
-- order shows it and a refund of the last units before settlement can give it back.
ALTER TABLE ordering.orders ADD COLUMN shipping_minor BIGINT NOT NULL DEFAULT 0 CHECK (shipping_minor >= 0);
