-- Ledger account kinds for the platform's spend on discounts it funds (vouchers, threshold discounts, subsidised and
-- member prices) and for what buyers pay for a paid membership.
ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IN
    ('WALLET', 'ESCROW', 'MERCHANT', 'FEE_REVENUE', 'SALES_REVENUE', 'PROVIDER_CLEARING', 'AD_ACCOUNT', 'AD_REVENUE',
     'MERCHANT_DEBT', 'SUBSIDY', 'MEMBERSHIP_REVENUE'));
