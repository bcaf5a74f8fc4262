-- What a cart line was when the buyer put it in (product, store, title), so that a line whose product is later
-- delisted still shows what it was and under which store, instead of losing both.
ALTER TABLE ordering.cart_items ADD COLUMN product_id BIGINT;
ALTER TABLE ordering.cart_items ADD COLUMN store_id BIGINT;
ALTER TABLE ordering.cart_items ADD COLUMN title TEXT;
