-- Units sold, appended by the paying transaction itself (one row per product of a paid order): counted exactly
-- once without the event registry, and without every payment of a popular product queueing on its
-- product_sales row. A scheduled fold moves the rows into product_sales in batches and deletes them.
CREATE TABLE search.sales_log (
    id         BIGSERIAL PRIMARY KEY,
    product_id BIGINT NOT NULL,
    units      BIGINT NOT NULL CHECK (units > 0)
);

-- The order ids counted by the registry-delivered listener this log replaces.
DROP TABLE search.counted_orders;
