package io.mercato.ordering.internal;

import io.mercato.inventory.StockLedger;
import io.mercato.ordering.Presale;
import io.mercato.ordering.Presale.Status;
import io.mercato.payment.Escrow;
import io.mercato.pricing.Presales.UnpaidRule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes presales whose final window passed unpaid: the deposit is forfeited to the merchant or refunded to the buyer
 * by the offer's rule, and the unit goes back on sale. Safe on several instances: due presales are picked with
 * {@code SKIP LOCKED} and each is re-checked under its row lock, in a transaction of its own. Public so that tests
 * run it on purpose.
 */
@Component
public final class PresaleTimeouts {

    private static final Logger log = LoggerFactory.getLogger(PresaleTimeouts.class);
    private static final int BATCH = 200;

    private final PresaleRows rows;
    private final Escrow escrow;
    private final StockLedger stock;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PresaleTimeouts(PresaleRows rows, Escrow escrow, StockLedger stock, Clock clock, TransactionTemplate transactions) {
        this.rows = rows;
        this.escrow = escrow;
        this.stock = stock;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Closes every presale due now and says how many. */
    public int run() {
        Instant now = Order.now(clock);
        int done = 0;
        while (true) {
            List<Long> due = transactions.execute(picking -> rows.unpaidPast(now, BATCH));
            int handled = 0;
            for (long id : due) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> close(id, now)))) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Presale timer could not close presale {}: {}", id, e.getMessage());
                }
            }
            done += handled;
            if (due.size() < BATCH || handled == 0) {
                return done;
            }
        }
    }

    private boolean close(long id, Instant now) {
        PresaleRows.Row row = rows.lock(id);
        Presale presale = row.presale();
        if (presale.status() != Status.DEPOSIT_PAID || now.isBefore(presale.finalUntil())) {
            return false;
        }
        if (presale.unpaidRule() == UnpaidRule.FORFEIT) {
            escrow.forfeitDeposit(id, DefaultPresaleOrders.payee(row), presale.deposit());
            rows.closed(id, Status.FORFEITED, now);
        } else {
            escrow.refundDeposit(id, presale.buyerAccountId(), DefaultPresaleOrders.payee(row), presale.deposit());
            rows.closed(id, Status.REFUNDED, now);
        }
        stock.release(row.reservationId());
        return true;
    }
}
