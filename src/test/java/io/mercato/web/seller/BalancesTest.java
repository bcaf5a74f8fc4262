package io.mercato.web.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.payment.AccountKind;
import io.mercato.payment.LedgerAccount;
import io.mercato.platform.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancesTest {

    @Test
    void merchantBalancesAreSettledAndEscrowIsPendingPerCurrency() {
        Balances balances = Balances.of(List.of(account(AccountKind.MERCHANT, "CNY", 5_000),
                account(AccountKind.ESCROW, "CNY", 1_200), account(AccountKind.MERCHANT, "USD", 300),
                account(AccountKind.ESCROW, "CNY", 800)));

        assertThat(balances.settled()).containsExactly(Map.entry("CNY", 5_000L), Map.entry("USD", 300L));
        assertThat(balances.pending()).containsExactly(Map.entry("CNY", 2_000L));
    }

    @Test
    void aNewSellerSeesZeroYuanOfEach() {
        Balances balances = Balances.of(List.of());

        assertThat(balances.settled()).containsExactly(Map.entry("CNY", 0L));
        assertThat(balances.pending()).containsExactly(Map.entry("CNY", 0L));
    }

    private static LedgerAccount account(AccountKind kind, String currency, long balanceMinor) {
        return new LedgerAccount(0, kind, 7, Money.of(balanceMinor, currency));
    }
}
