package io.mercato.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoModuleTest;
import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.Payee;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the roll-up on, as it is outside tests, an application folds the deltas of its append-only accounts into
 * their rows by itself, every {@code mercato.payment.roll-up-every}.
 */
@MercatoModuleTest
class ScheduledRollUpIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void rollUpOften(DynamicPropertyRegistry registry) {
        registry.add("mercato.payment.roll-up-enabled", () -> "true");
        registry.add("mercato.payment.roll-up-every", () -> "200ms");
    }

    private final Escrow escrow;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    ScheduledRollUpIT(Escrow escrow, Ledger ledger, JdbcClient jdbc) {
        this.escrow = escrow;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Test
    void theDeltasOfAPaymentAreRolledUpWithoutBeingAsked() {
        escrow.topUp(new Actor(41, Role.BUYER), Money.of(1_000, "CNY"));
        escrow.pay(7, 41, Payee.merchant(42), Money.of(300, "CNY"));

        await(() -> deltas() == 0);

        assertThat(deltas()).as("deltas left").isZero();
        assertThat(jdbc.sql("SELECT balance_minor FROM payment.accounts WHERE kind = 'ESCROW' AND owner_id = 42")
                .query(Long.class).single()).as("the escrow row").isEqualTo(300);
        assertThat(ledger.balance(AccountKind.ESCROW, 42, "CNY")).isEqualTo(300);
        assertThat(escrow.trialBalance()).containsEntry("CNY", 0L);
    }

    private long deltas() {
        return jdbc.sql("SELECT count(*) FROM payment.balance_deltas").query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
