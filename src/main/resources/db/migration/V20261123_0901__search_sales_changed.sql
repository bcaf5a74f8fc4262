-- When a product's sales last changed, so every instance can fold new sales into its index in batches
-- rather than reindexing a product on every paid order.
ALTER TABLE search.product_sales ADD COLUMN changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp();
CREATE INDEX product_sales_changed ON search.product_sales (changed_at);
