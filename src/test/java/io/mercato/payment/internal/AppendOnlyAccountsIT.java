package io.mercato.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.MercatoTest;
import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.Payee;
import io.mercato.payment.Settlement;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escrow and the platform's accounts are append-only (see {@link Ledger}): many payments into one store's escrow
 * run at once instead of queueing on its row, covered debits never take it below zero, with or without deltas
 * still to roll up, and roll-ups racing with postings lose or double nothing. Every test ends by checking the
 * whole ledger: balances sum to zero per currency, every posting balances, and every account's balance is the
 * sum of its entries. The scheduled roll-up is off in tests ({@link MercatoTest#ROLL_UP_OFF}); these run it on
 * purpose. Buyers and sellers here are ledger owners only, with ids no real account has.
 */
@MercatoTest
class AppendOnlyAccountsIT {

    private static final String CNY = "CNY";
    /** Owner, order and refund ids far above any the rest of the tests create. */
    private static final AtomicLong NEXT = new AtomicLong(1_000_000_000_000L);

    @Autowired
    Escrow escrow;

    @Autowired
    Ledger ledger;

    @Autowired
    BalanceRollUp rollUp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void fiftyBuyersPayIntoOneStoresEscrowAtOnce() throws Exception {
        long seller = next();
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(next());
        }
        allAtOnce(50, i -> () -> escrow.topUp(new Actor(buyers.get(i), Role.BUYER), cny(10_000)));
        long[] orders = buyers.stream().mapToLong(buyer -> next()).toArray();

        allAtOnce(50, i -> () -> {
            escrow.pay(orders[i], buyers.get(i), Payee.merchant(seller), cny(100 + i));
            return null;
        });

        long paid = 50 * 100 + 49 * 50 / 2;
        assertThat(escrowOf(seller)).isEqualTo(paid);
        assertThat(row(escrowAccount(seller))).as("the escrow row, untouched by payments").isZero();
        assertThat(deltas(escrowAccount(seller))).as("one delta per payment").isEqualTo(50);
        assertThat(buyers).allSatisfy(buyer -> assertThat(ledger.balance(AccountKind.WALLET, buyer, CNY))
                .isBetween(10_000L - 149, 10_000L - 100));
        assertLedgerIsSound();

        rollUp.run();

        assertThat(escrowOf(seller)).isEqualTo(paid);
        assertThat(row(escrowAccount(seller))).isEqualTo(paid);
        assertThat(deltas(escrowAccount(seller))).isZero();
        assertLedgerIsSound();
    }

    @Test
    void aPaymentDoesNotWaitForAnotherPaymentToTheSameStoreToCommit() throws Exception {
        long seller = next();
        long first = fundedBuyer(1_000);
        long second = fundedBuyer(1_000);
        long third = fundedBuyer(1_000);
        pay(first, seller, 300);
        CountDownLatch paidButOpen = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> open = threads.submit(() -> transactions.executeWithoutResult(status -> {
            pay(second, seller, 200);
            paidButOpen.countDown();
            await(release);
        }));
        try {
            assertThat(paidButOpen.await(10, TimeUnit.SECONDS)).isTrue();

            // Another payment, a refund (a covered debit) and a roll-up of the same escrow, while that payment's
            // transaction is still open: none waits for it.
            long order = next();
            threads.submit(() -> escrow.pay(order, third, Payee.merchant(seller), cny(400))).get(10, TimeUnit.SECONDS);
            threads.submit(() -> escrow.refund(order, next(), third, Payee.merchant(seller), cny(100)))
                    .get(10, TimeUnit.SECONDS);
            threads.submit(() -> rollUp.fold(escrowAccount(seller))).get(10, TimeUnit.SECONDS);

            assertThat(escrowOf(seller)).as("the open payment is not counted yet").isEqualTo(300 + 400 - 100);
            assertThat(row(escrowAccount(seller))).isEqualTo(600);
        } finally {
            release.countDown();
        }
        open.get(10, TimeUnit.SECONDS);

        assertThat(escrowOf(seller)).isEqualTo(800);
        assertThat(deltas(escrowAccount(seller))).as("the payment committed after the roll-up").isEqualTo(1);
        assertLedgerIsSound();
    }

    @Test
    void racingRefundsNeverTakeEscrowBelowZero() throws Exception {
        long seller = next();
        long buyer = fundedBuyer(10_000);
        for (int i = 0; i < 5; i++) {
            pay(buyer, seller, 100);
        }
        rollUp.fold(escrowAccount(seller));
        for (int i = 0; i < 5; i++) {
            pay(buyer, seller, 100);
        }
        assertThat(row(escrowAccount(seller))).as("half rolled up").isEqualTo(500);
        assertThat(deltas(escrowAccount(seller))).as("half still deltas").isEqualTo(5);

        AtomicInteger refused = new AtomicInteger();
        List<Boolean> refunded = allAtOnce(30, i -> () -> {
            try {
                escrow.refund(next(), next(), buyer, Payee.merchant(seller), cny(100));
                return true;
            } catch (ConflictException e) {
                assertThat(e).hasMessageStartingWith("Escrow holds ");
                refused.incrementAndGet();
                return false;
            }
        });

        assertThat(refunded).filteredOn(Boolean::booleanValue).as("refunds covered by 1,000 in escrow").hasSize(10);
        assertThat(refused).hasValue(20);
        assertThat(escrowOf(seller)).isZero();
        assertThat(row(escrowAccount(seller))).as("debits are deltas too: the row never went below zero")
                .isEqualTo(500);
        assertLedgerIsSound();
        rollUp.run();
        assertThat(row(escrowAccount(seller))).isZero();
        assertLedgerIsSound();
    }

    @Test
    void aDebitLargerThanTheRowAndItsDeltasIsRefused() {
        long seller = next();
        long buyer = fundedBuyer(1_000);
        pay(buyer, seller, 300);
        rollUp.fold(escrowAccount(seller));
        pay(buyer, seller, 200);

        assertThatThrownBy(() -> escrow.refund(next(), next(), buyer, Payee.merchant(seller), cny(501)))
                .isInstanceOf(ConflictException.class).hasMessage("Escrow holds 5.00 CNY, 5.01 CNY needed");
        escrow.refund(next(), next(), buyer, Payee.merchant(seller), cny(500));
        assertThatThrownBy(() -> escrow.refund(next(), next(), buyer, Payee.merchant(next()), cny(1)))
                .as("an escrow never paid into").isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Escrow holds ");

        assertThat(escrowOf(seller)).isZero();
        assertThat(ledger.balance(AccountKind.WALLET, buyer, CNY)).isEqualTo(1_000);
        assertLedgerIsSound();
    }

    /**
     * Once this instance knows a store's escrow, a payment is one statement (posting, guarded wallet debit, entries
     * and delta together). A wallet that cannot cover it is refused with nothing written, a repeated payment of one
     * order posts once, and the other payments go through whole.
     */
    @Test
    void aPaymentInOneStatementIsAllOrNothingAndPostsOnce() {
        long seller = next();
        long buyer = fundedBuyer(1_000);
        pay(buyer, seller, 100); // the escrow's id is known from here on
        long postings = postings();

        assertThatThrownBy(() -> pay(buyer, seller, 901))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Wallet holds 9.00 CNY, 9.01 CNY needed");
        assertThat(postings()).as("a refused payment leaves no posting").isEqualTo(postings);

        long order = next();
        escrow.pay(order, buyer, Payee.merchant(seller), cny(400));
        escrow.pay(order, buyer, Payee.merchant(seller), cny(400));
        assertThat(postings()).as("the same order paid twice posts once").isEqualTo(postings + 1);

        long newcomer = next();
        assertThatThrownBy(() -> pay(newcomer, seller, 1)).as("a wallet never topped up")
                .isInstanceOf(ConflictException.class).hasMessageContaining("Wallet holds 0.00 CNY, 0.01 CNY needed");

        assertThat(escrowOf(seller)).isEqualTo(500);
        assertThat(ledger.balance(AccountKind.WALLET, buyer, CNY)).isEqualTo(500);
        assertLedgerIsSound();
    }

    @Test
    void aPostingMayNotDebitOneAccountTwice() {
        long seller = next();
        long buyer = fundedBuyer(1_000);
        pay(buyer, seller, 300);
        List<Ledger.Leg> legs = List.of(new Ledger.Leg(AccountKind.ESCROW, seller, -200),
                new Ledger.Leg(AccountKind.ESCROW, seller, -200), new Ledger.Leg(AccountKind.WALLET, buyer, 400));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> ledger.post("REFUND", null,
                "refund:" + next(), "two debits of one escrow, each covered alone", CNY, legs)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two legs on one account");
        assertThat(escrowOf(seller)).isEqualTo(300);
        assertLedgerIsSound();
    }

    @Test
    void anAccountOpenedByAPostingThatRolledBackIsOpenedAgain() {
        long seller = next();
        long buyer = fundedBuyer(1_000);
        transactions.executeWithoutResult(status -> {
            pay(buyer, seller, 100);
            status.setRollbackOnly();
        });

        pay(buyer, seller, 100);

        assertThat(escrowOf(seller)).isEqualTo(100);
        assertLedgerIsSound();
    }

    /**
     * Buyers pay into two stores, which refund and settle, from eight threads, while two roll-ups (as on two
     * instances) run in a loop. Amounts and choices come from seeded generators; a failure names the seed.
     */
    @Test
    void rollUpsRacingWithPostingsLoseNothing() throws Exception {
        long seed = new Random().nextLong();
        List<Long> sellers = List.of(next(), next());
        AtomicLong[] expected = {new AtomicLong(), new AtomicLong()};
        AtomicLong fees = new AtomicLong();
        long feesBefore = platform(AccountKind.FEE_REVENUE);
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        List<Future<?>> rollUps = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            rollUps.add(threads.submit(() -> {
                while (posting.get()) {
                    rollUp.run();
                    rounds.incrementAndGet();
                    Thread.sleep(5);
                }
                return null;
            }));
        }

        allAtOnce(8, t -> () -> {
            Random random = new Random(seed + t);
            long buyer = fundedBuyer(2_000_000);
            // At least 40 postings each, and more until the roll-ups have run a few rounds among them (on a fast
            // machine the postings could all be done before the second round).
            for (int i = 0; i < 40 || (rounds.get() < 4 && i < 2_000); i++) {
                int store = random.nextInt(2);
                long seller = sellers.get(store);
                long amount = 1 + random.nextInt(500);
                long order = next();
                escrow.pay(order, buyer, Payee.merchant(seller), cny(amount));
                expected[store].addAndGet(amount);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        escrow.refund(order, next(), buyer, Payee.merchant(seller), cny((amount + 1) / 2));
                        expected[store].addAndGet(-((amount + 1) / 2));
                    }
                    case 1 -> {
                        long fee = amount / 10;
                        escrow.settle(new Settlement(order, Payee.merchant(seller), cny(amount), cny(fee)));
                        expected[store].addAndGet(-amount);
                        fees.addAndGet(fee);
                    }
                    default -> {
                    }
                }
            }
            return null;
        });
        posting.set(false);
        for (Future<?> loop : rollUps) {
            loop.get(60, TimeUnit.SECONDS);
        }

        for (int store = 0; store < 2; store++) {
            assertThat(escrowOf(sellers.get(store))).as("escrow of store %s, seed %s", store, seed)
                    .isEqualTo(expected[store].get());
        }
        assertThat(platform(AccountKind.FEE_REVENUE) - feesBefore).as("fees, seed %s", seed).isEqualTo(fees.get());
        assertThat(rounds.get()).as("roll-ups ran while posting").isGreaterThan(2);
        assertLedgerIsSound();

        rollUp.run();

        for (int store = 0; store < 2; store++) {
            long account = escrowAccount(sellers.get(store));
            assertThat(deltas(account)).isZero();
            assertThat(row(account)).as("row of store %s, seed %s", store, seed).isEqualTo(expected[store].get())
                    .isEqualTo(entries(account));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM payment.balance_deltas").query(Long.class).single())
                .as("no deltas left anywhere").isZero();
        assertLedgerIsSound();
    }

    // The whole ledger

    /** Sums to zero per currency, every posting balances, every balance is its entries', none is negative. */
    private void assertLedgerIsSound() {
        assertThat(escrow.trialBalance()).isNotEmpty().allSatisfy((currency, sum) -> assertThat(sum)
                .as("trial balance in %s", currency).isZero());
        assertThat(jdbc.sql("""
                SELECT posting_id FROM payment.entries GROUP BY posting_id HAVING sum(amount_minor) <> 0""")
                .query(Long.class).list()).as("postings that do not balance").isEmpty();
        assertThat(jdbc.sql("""
                SELECT b.kind || ':' || b.owner_id || ' holds ' || b.balance_minor FROM payment.account_balances b
                WHERE b.balance_minor <> (SELECT coalesce(sum(e.amount_minor), 0) FROM payment.entries e
                                          WHERE e.account_id = b.id)""")
                .query(String.class).list()).as("accounts whose balance is not the sum of their entries").isEmpty();
        assertThat(jdbc.sql("""
                SELECT b.kind || ':' || b.owner_id FROM payment.account_balances b JOIN payment.accounts a USING (id)
                WHERE NOT b.may_go_negative AND (b.balance_minor < 0 OR a.balance_minor < 0)""")
                .query(String.class).list()).as("negative accounts").isEmpty();
    }

    // Helpers

    private static long next() {
        return NEXT.incrementAndGet();
    }

    private static Money cny(long minor) {
        return Money.of(minor, CNY);
    }

    private long fundedBuyer(long amount) {
        long buyer = next();
        escrow.topUp(new Actor(buyer, Role.BUYER), cny(amount));
        return buyer;
    }

    private void pay(long buyer, long seller, long amount) {
        escrow.pay(next(), buyer, Payee.merchant(seller), cny(amount));
    }

    private long postings() {
        return jdbc.sql("SELECT count(*) FROM payment.postings").query(Long.class).single();
    }

    private long escrowOf(long seller) {
        return ledger.balance(AccountKind.ESCROW, seller, CNY);
    }

    private long platform(AccountKind kind) {
        return ledger.balance(kind, 0, CNY);
    }

    private long escrowAccount(long seller) {
        return jdbc.sql("SELECT id FROM payment.accounts WHERE kind = 'ESCROW' AND owner_id = ? AND currency = ?")
                .params(seller, CNY).query(Long.class).single();
    }

    private long row(long account) {
        return jdbc.sql("SELECT balance_minor FROM payment.accounts WHERE id = ?").param(account).query(Long.class)
                .single();
    }

    private long deltas(long account) {
        return jdbc.sql("SELECT count(*) FROM payment.balance_deltas WHERE account_id = ?").param(account)
                .query(Long.class).single();
    }

    private long entries(long account) {
        return jdbc.sql("SELECT coalesce(sum(amount_minor), 0) FROM payment.entries WHERE account_id = ?")
                .param(account).query(Long.class).single();
    }

    /** Starts the tasks together and returns their results; the first failure fails the test. */
    private <T> List<T> allAtOnce(int count, IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(count);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<T> work = task.apply(i);
            futures.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
