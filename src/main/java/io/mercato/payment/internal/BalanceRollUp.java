package io.mercato.payment.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the balance deltas of append-only accounts (see {@link Ledger}) into their rows, so that reading a
 * balance sums a second's deltas rather than an account's whole history. One account per transaction, holding
 * no other lock, so a roll-up cannot deadlock with postings that lock several accounts. It locks the account's
 * row first ({@code FOR NO KEY UPDATE}, which appended credits do not wait for): roll-ups of one account, on
 * this instance or another, then take turns instead of deleting the same deltas, and a roll-up waits for a
 * covered debit to commit rather than folding while one is being checked. The delete, in the next statement,
 * sees every delta committed before it; deltas committed later stay for the next round. The row then holds the
 * balance of a committed state, which for an account that may not go negative is never below zero.
 */
@Component
class BalanceRollUp {

    private static final Logger log = LoggerFactory.getLogger(BalanceRollUp.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    BalanceRollUp(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Folds the deltas of every account that has some and says how many accounts it folded. */
    int run() {
        List<Long> accounts = jdbc.sql("SELECT DISTINCT account_id FROM payment.balance_deltas").query(Long.class)
                .list();
        int folded = 0;
        for (long account : accounts) {
            try {
                if (fold(account)) {
                    folded++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not roll up the balance deltas of ledger account {}: {}", account, e.getMessage());
            }
        }
        return folded;
    }

    /**
     * Folds one account's committed deltas into its row, in a transaction of its own; false when there were
     * none (another roll-up had just folded them).
     */
    boolean fold(long accountId) {
        return Boolean.TRUE.equals(transactions.execute(status -> foldLocked(accountId)));
    }

    private boolean foldLocked(long accountId) {
        jdbc.sql("SELECT id FROM payment.accounts WHERE id = ? FOR NO KEY UPDATE").param(accountId).query(Long.class)
                .single();
        return jdbc.sql("""
                WITH d AS (DELETE FROM payment.balance_deltas WHERE account_id = ? RETURNING amount_minor)
                UPDATE payment.accounts SET balance_minor = balance_minor + (SELECT sum(amount_minor) FROM d)
                WHERE id = ? AND EXISTS (SELECT FROM d)""")
                .params(accountId, accountId).update() == 1;
    }
}
