-- The platform's currency exchange: a conversion is two postings, each balanced in its own currency, through the FX
-- clearing account of each currency.
ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IN
    ('WALLET', 'ESCROW', 'MERCHANT', 'FEE_REVENUE', 'SALES_REVENUE', 'PROVIDER_CLEARING', 'AD_ACCOUNT', 'AD_REVENUE',
     'MERCHANT_DEBT', 'SUBSIDY', 'MEMBERSHIP_REVENUE', 'FX_CLEARING'));
