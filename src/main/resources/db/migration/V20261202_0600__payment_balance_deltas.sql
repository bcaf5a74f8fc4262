-- Append-only accounts (escrow, provider clearing, fee and sales revenue) are not updated by every posting:
-- a posting appends its amount here, and the roll-up folds these rows into accounts.balance_minor every
-- second. An account's balance is balance_minor plus the sum of its deltas; read it from account_balances.
CREATE TABLE payment.balance_deltas (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES payment.accounts (id),
    amount_minor BIGINT NOT NULL
);
CREATE INDEX balance_deltas_account ON payment.balance_deltas (account_id);

-- Every account with its derived balance. One statement reads both tables in one snapshot, and a roll-up
-- moves deltas into balance_minor in one transaction, so the balances of any snapshot sum to zero per currency.
CREATE VIEW payment.account_balances AS
SELECT a.id, a.kind, a.owner_id, a.currency, a.may_go_negative,
       (a.balance_minor
        + coalesce((SELECT sum(d.amount_minor) FROM payment.balance_deltas d WHERE d.account_id = a.id), 0))::bigint
           AS balance_minor
FROM payment.accounts a;
