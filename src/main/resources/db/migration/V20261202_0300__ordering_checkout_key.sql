-- A checkout may carry the key its client sent with it (the shop's checkout form sends a one-time key per
-- page), so that the same submission arriving twice finds the checkout it already made instead of buying twice.
ALTER TABLE ordering.checkouts ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX checkouts_request_key ON ordering.checkouts (buyer_id, request_key) WHERE request_key IS NOT NULL;
