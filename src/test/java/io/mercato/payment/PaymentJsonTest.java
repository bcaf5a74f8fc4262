package io.mercato.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.mercato.ApiJson;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The payment records carry {@link Money}, and their JSON stays the API's flat shape: minor units beside a currency
 * code, fields in the order clients have always seen.
 */
class PaymentJsonTest {

    static final Instant AT = Instant.parse("2026-12-02T10:15:30.123456Z");

    @Test
    void aLedgerAccountShowsItsBalanceAsCurrencyAndMinorUnits() {
        assertThat(ApiJson.write(new LedgerAccount(4, AccountKind.MERCHANT, 2, Money.of(10_934, "CNY"))))
                .isEqualTo("""
                        {"id":4,"kind":"MERCHANT","ownerId":2,"currency":"CNY","balanceMinor":10934}""");
    }

    @Test
    void aPostingShowsEachEntryAsMinorUnitsAndCurrency() {
        Posting posting = new Posting(3, "SETTLEMENT", 1L, "order:1:settlement", "Settlement", AT, List.of(
                new Posting.Entry(AccountKind.ESCROW, 2, Money.of(-11_000, "CNY")),
                new Posting.Entry(AccountKind.FEE_REVENUE, 0, Money.of(11_000, "CNY"))));
        Posting topUp = new Posting(1, "TOP_UP", null, "top-up:1", "Top-up", AT, List.of());

        assertThat(ApiJson.write(posting)).isEqualTo("""
                {"id":3,"kind":"SETTLEMENT","orderId":1,"reference":"order:1:settlement","memo":"Settlement",\
                "at":"2026-12-02T10:15:30.123456Z","entries":[\
                {"account":"ESCROW","ownerId":2,"amountMinor":-11000,"currency":"CNY"},\
                {"account":"FEE_REVENUE","ownerId":0,"amountMinor":11000,"currency":"CNY"}]}""");
        assertThat(ApiJson.write(topUp)).isEqualTo("""
                {"id":1,"kind":"TOP_UP","reference":"top-up:1","memo":"Top-up","at":"2026-12-02T10:15:30.123456Z",\
                "entries":[]}""");
    }

    @Test
    void topUpsAndWithdrawalsShowTheAmountAndTheBalanceAfterInOneCurrency() {
        TopUp topUp = new TopUp(1, 3, Money.of(50_000, "CNY"), "sim-charge-1", Money.of(50_100, "CNY"), AT);
        Withdrawal withdrawal = new Withdrawal(4, 2, Money.of(4_000, "CNY"), "sim-payout-1", Money.of(6_934, "CNY"),
                AT);

        assertThat(ApiJson.write(topUp)).isEqualTo("""
                {"id":1,"buyerAccountId":3,"amountMinor":50000,"currency":"CNY","providerReference":"sim-charge-1",\
                "balanceAfterMinor":50100,"at":"2026-12-02T10:15:30.123456Z"}""");
        assertThat(ApiJson.write(withdrawal)).isEqualTo("""
                {"id":4,"sellerAccountId":2,"amountMinor":4000,"currency":"CNY","providerReference":"sim-payout-1",\
                "balanceAfterMinor":6934,"at":"2026-12-02T10:15:30.123456Z"}""");
    }

    @Test
    void aBalanceAfterInAnotherCurrencyIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopUp(1, 3, Money.of(100, "CNY"), "sim-charge-1", Money.of(100, "USD"), AT))
                .withMessageContaining("1.00 CNY").withMessageContaining("1.00 USD");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Withdrawal(4, 2, Money.of(100, "CNY"), "sim-payout-1", Money.of(0, "EUR"), AT))
                .withMessageContaining("currencies differ");
    }
}
