-- Ledger account kinds for instant deliveries: fees held until delivery, the platform's delivery revenue (net of rider
-- pay, so it may go below zero) and what the platform owes each rider. The kinds are added to whatever list the check
-- holds when this runs, so that kinds added by other migrations stay allowed.
DO $$
DECLARE
    kinds text[];
BEGIN
    SELECT array_agg(DISTINCT m[1]) INTO kinds
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
    WHERE c.conname = 'accounts_kind_check' AND c.conrelid = 'payment.accounts'::regclass;
    kinds := kinds || ARRAY['DELIVERY_ESCROW', 'DELIVERY_REVENUE', 'RIDER'];
    ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
    EXECUTE format('ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind = ANY (%L::text[]))',
        kinds);
END
$$;
