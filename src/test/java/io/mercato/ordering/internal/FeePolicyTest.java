package io.mercato.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.Currencies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The platform's cut of a settled order, per store kind, on what the buyer kept. */
class FeePolicyTest {

    final FeePolicy fees = new FeePolicy();

    /** ¥99.99 × 3 (1 refunded) at 5% commission, and ¥0.50 × 1 at 2%. */
    static List<Order.Line> lines() {
        return List.of(new Order.Line(1, 1, 1, "Shoe", Map.of(), 9999, 3, 1, 0, 1, 500),
                new Order.Line(2, 2, 2, "Lace", Map.of(), 50, 1, 0, 0, 1, 200));
    }

    @ParameterizedTest(name = "{0}: fee {1}")
    @CsvSource({
            // 0.6% of the ¥200.48 kept = 120.288 fen, rounded half-up
            "TAOBAO, 120",
            // 5% of ¥199.98 = 999.9 → 1000; 2% of ¥0.50 = 1; each line rounds on its own
            "TMALL, 1001", "LOCAL, 1001", "GLOBAL, 1001",
            "WHOLESALE, 0", "SUPERMARKET, 0"})
    void eachStoreKindPaysItsOwnRule(StoreKind kind, long fee) {
        assertThat(fees.fee(kind, Currencies.CNY, lines()).minor()).isEqualTo(fee);
    }

    @ParameterizedTest
    @CsvSource({"TAOBAO", "TMALL"})
    void nothingKeptNothingCharged(StoreKind kind) {
        List<Order.Line> allRefunded = List.of(new Order.Line(1, 1, 1, "Shoe", Map.of(), 9999, 2, 2, 0, 1, 500));
        assertThat(fees.fee(kind, Currencies.CNY, allRefunded).minor()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"TAOBAO, false", "TMALL, false", "SUPERMARKET, true", "WHOLESALE, false"})
    void onlyTheSupermarketSellsFirstParty(StoreKind kind, boolean firstParty) {
        assertThat(fees.firstParty(kind)).isEqualTo(firstParty);
    }
}
