-- Advertising money: a merchant's prepaid ad account (topped up from its merchant balance, charged per click)
-- and the platform's ad revenue.
ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IN
    ('WALLET', 'ESCROW', 'MERCHANT', 'FEE_REVENUE', 'SALES_REVENUE', 'PROVIDER_CLEARING', 'AD_ACCOUNT', 'AD_REVENUE'));
