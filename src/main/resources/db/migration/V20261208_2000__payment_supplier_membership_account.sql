-- A ledger account kind for wholesale suppliers' annual memberships: platform revenue, but not customer management
-- revenue (CMR is advertising plus commissions and software service fees), so it is kept apart from fee revenue.
-- Added to whatever list the check holds when this runs, so that kinds added by other migrations stay allowed.
DO $$
DECLARE
    kinds text[];
BEGIN
    -- The check reads CHECK ((kind = ANY ('{WALLET,ESCROW,...}'::text[]))) by now: every upper-case word but the
    -- keywords is a kind.
    SELECT array_agg(DISTINCT m[1]) INTO kinds
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '([A-Z][A-Z_]*[A-Z])', 'g') AS m
    WHERE c.conname = 'accounts_kind_check' AND c.conrelid = 'payment.accounts'::regclass
      AND m[1] NOT IN ('CHECK', 'ANY', 'ARRAY', 'IN', 'OR', 'AND', 'TEXT');
    IF NOT ('MERCHANT' = ANY (kinds) AND 'WALLET' = ANY (kinds) AND 'DELIVERY_REVENUE' = ANY (kinds)) THEN
        RAISE EXCEPTION 'accounts_kind_check not understood: %', kinds;
    END IF;
    kinds := kinds || ARRAY['SUPPLIER_MEMBERSHIP_REVENUE'];
    ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
    EXECUTE format('ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind = ANY (%L::text[]))',
        kinds);
END
$$;
