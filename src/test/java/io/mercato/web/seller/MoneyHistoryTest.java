package io.mercato.web.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.payment.AccountKind;
import io.mercato.payment.LedgerAccount;
import io.mercato.payment.Posting;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The running balances of the seller's money history agree with today's balances and with every change. */
class MoneyHistoryTest {

    private static final long SELLER = 7;

    @Test
    void runningBalancesWorkBackFromTodayThroughEveryChange() {
        long seed = Long.getLong("mercato.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Posting> oldestFirst = new ArrayList<>();
            long settled = 0;
            long escrow = 0;
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                long toEscrow = random.nextInt(3) == 0 ? 0 : random.nextLong(-5_000, 10_000);
                long toSettled = random.nextInt(3) == 0 ? 0 : random.nextLong(-5_000, 10_000);
                escrow += toEscrow;
                settled += toSettled;
                List<Posting.Entry> entries = new ArrayList<>();
                entries.add(new Posting.Entry(AccountKind.ESCROW, SELLER, Money.of(toEscrow, "CNY")));
                entries.add(new Posting.Entry(AccountKind.MERCHANT, SELLER, Money.of(toSettled, "CNY")));
                entries.add(new Posting.Entry(AccountKind.WALLET, 99, Money.of(-toEscrow - toSettled, "CNY")));
                oldestFirst.add(new Posting(i + 1, "SETTLEMENT", (long) i, "ref", "memo", Instant.EPOCH.plusSeconds(i),
                        entries));
            }
            List<Posting> newestFirst = new ArrayList<>(oldestFirst.reversed());
            List<LedgerAccount> accounts = List.of(
                    new LedgerAccount(1, AccountKind.MERCHANT, SELLER, Money.of(settled, "CNY")),
                    new LedgerAccount(2, AccountKind.ESCROW, SELLER, Money.of(escrow, "CNY")));

            List<MoneyHistory.Row> rows = MoneyHistory.of(SELLER, accounts, newestFirst).rows();

            assertThat(rows).as("seed %d", seed).hasSize(count);
            if (count > 0) {
                assertThat(rows.getFirst().settledAfter()).as("seed %d", seed).isEqualTo(settled);
                assertThat(rows.getFirst().escrowAfter()).as("seed %d", seed).isEqualTo(escrow);
                MoneyHistory.Row oldest = rows.getLast();
                assertThat(oldest.settledAfter() - oldest.settled()).as("seed %d", seed).isZero();
                assertThat(oldest.escrowAfter() - oldest.escrow()).as("seed %d", seed).isZero();
            }
            for (int i = 0; i + 1 < rows.size(); i++) {
                MoneyHistory.Row newer = rows.get(i);
                MoneyHistory.Row older = rows.get(i + 1);
                assertThat(older.settledAfter()).as("seed %d", seed).isEqualTo(newer.settledAfter() - newer.settled());
                assertThat(older.escrowAfter()).as("seed %d", seed).isEqualTo(newer.escrowAfter() - newer.escrow());
            }
        }
    }
}
