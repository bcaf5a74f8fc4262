-- A delivery whose order was refunded before the rider picked it up is cancelled (its fee goes back to the buyer).
ALTER TABLE instant.deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE instant.deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('PENDING', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP', 'DELIVERED', 'CANCELLED'));
ALTER TABLE instant.deliveries DROP CONSTRAINT deliveries_check;
ALTER TABLE instant.deliveries ADD CONSTRAINT deliveries_check
    CHECK (status = 'CANCELLED' OR (status = 'PENDING') = (rider_id IS NULL));
ALTER TABLE instant.deliveries ADD COLUMN cancelled_at timestamptz;
DROP INDEX instant.deliveries_open;
CREATE INDEX deliveries_open ON instant.deliveries (status) WHERE status NOT IN ('DELIVERED', 'CANCELLED');
