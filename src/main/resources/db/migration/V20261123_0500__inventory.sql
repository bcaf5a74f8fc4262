CREATE SCHEMA IF NOT EXISTS inventory;

-- Available = on_hand - reserved; the checks make overselling impossible even for a buggy caller.
CREATE TABLE inventory.stock (
    sku_id   BIGINT PRIMARY KEY,
    store_id BIGINT NOT NULL,
    on_hand  BIGINT NOT NULL CHECK (on_hand >= 0),
    reserved BIGINT NOT NULL CHECK (reserved >= 0),
    CHECK (on_hand >= reserved)
);
CREATE INDEX stock_store ON inventory.stock (store_id);

CREATE TABLE inventory.reservations (
    order_id  BIGINT NOT NULL,
    sku_id    BIGINT NOT NULL,
    quantity  BIGINT NOT NULL CHECK (quantity > 0),
    status    TEXT   NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED')),
    restocked BIGINT NOT NULL DEFAULT 0 CHECK (restocked >= 0 AND restocked <= quantity),
    PRIMARY KEY (order_id, sku_id)
);
