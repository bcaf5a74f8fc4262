-- Taxes collected at checkout are liabilities of the platform, one account per currency: EU VAT under IOSS and other
-- destinations' import duties.
ALTER TABLE payment.accounts DROP CONSTRAINT accounts_kind_check;
ALTER TABLE payment.accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IN
    ('WALLET', 'ESCROW', 'MERCHANT', 'FEE_REVENUE', 'SALES_REVENUE', 'PROVIDER_CLEARING', 'AD_ACCOUNT', 'AD_REVENUE',
     'MERCHANT_DEBT', 'SUBSIDY', 'MEMBERSHIP_REVENUE', 'FX_CLEARING', 'VAT_PAYABLE', 'DUTY_PAYABLE'));

-- The currency a merchant is paid in: settlements in another currency are converted into it through FX clearing.
CREATE TABLE payment.settlement_currencies (
    seller_account_id BIGINT      PRIMARY KEY,
    currency          CHAR(3)     NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
