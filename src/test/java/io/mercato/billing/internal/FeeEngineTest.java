package io.mercato.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.billing.FeeRule;
import io.mercato.billing.FeeRuleKind;
import io.mercato.billing.internal.FeeRuleStore.NewCharge;
import io.mercato.merchant.StoreKind;
import io.mercato.ordering.OrderFees.FeeBasis;
import io.mercato.ordering.OrderFees.FeeLine;
import io.mercato.platform.Currencies;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The platform's cut of a settled order under given rules, per store kind, on what the buyer kept (the rule that
 * lived in ordering's FeePolicy, now billing's), and which version of a rule applies when.
 */
class FeeEngineTest {

    static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");
    static final FeeRule TAOBAO_FEE = rule(1, FeeRuleKind.SERVICE_FEE, StoreKind.TAOBAO, null, null, 60,
            Instant.parse("2000-01-01T00:00:00Z"));

    static FeeRule rule(long id, FeeRuleKind kind, @Nullable StoreKind storeKind, @Nullable Long categoryId,
            @Nullable Long storeId, int rate, Instant from) {
        return new FeeRule(id, kind, storeKind, categoryId, storeId, rate, null, null, from, "", "operator:1", from);
    }

    static Money cny(long minor) {
        return new Money(minor, Currencies.CNY);
    }

    /** ¥99.99 × 2 kept (of 3) at 5% commission in category 1, and ¥0.50 × 1 at 2% in category 2. */
    static FeeBasis order(StoreKind kind, Instant paidAt) {
        return new FeeBasis(7, 5, kind, 3, Currencies.CNY, paidAt, List.of(
                new FeeLine(1, 11, 1, 500, cny(9999 * 2)), new FeeLine(2, 12, 2, 200, cny(50))));
    }

    static long fee(List<NewCharge> charges) {
        return charges.stream().mapToLong(NewCharge::amountMinor).sum();
    }

    @ParameterizedTest(name = "{0}: fee {1}")
    @CsvSource({
            // 0.6% of the ¥200.48 kept = 120.288 fen, rounded half-up
            "TAOBAO, 120",
            // 5% of ¥199.98 = 999.9 → 1000; 2% of ¥0.50 = 1; each line rounds on its own
            "TMALL, 1001", "LOCAL, 1001", "GLOBAL, 1001",
            "WHOLESALE, 0", "SUPERMARKET, 0"})
    void eachStoreKindPaysItsOwnRule(StoreKind kind, long fee) {
        assertThat(fee(FeeEngine.gross(order(kind, T0), List.of(TAOBAO_FEE), List.of()))).isEqualTo(fee);
    }

    @Test
    void nothingKeptNothingCharged() {
        FeeBasis allRefunded = new FeeBasis(7, 5, StoreKind.TMALL, 3, Currencies.CNY, T0,
                List.of(new FeeLine(1, 11, 1, 500, cny(0))));
        assertThat(fee(FeeEngine.gross(allRefunded, List.of(TAOBAO_FEE), List.of()))).isZero();
        FeeBasis taobao = new FeeBasis(7, 5, StoreKind.TAOBAO, 3, Currencies.CNY, T0,
                List.of(new FeeLine(1, 11, 1, 500, cny(0))));
        assertThat(fee(FeeEngine.gross(taobao, List.of(TAOBAO_FEE), List.of()))).isZero();
    }

    @Test
    void theVersionInForceWhenPaidApplies() {
        FeeRule raised = rule(2, FeeRuleKind.SERVICE_FEE, StoreKind.TAOBAO, null, null, 100, T0.plusSeconds(3600));
        List<FeeRule> versions = List.of(TAOBAO_FEE, raised);
        assertThat(fee(FeeEngine.gross(order(StoreKind.TAOBAO, T0), versions, List.of()))).as("paid before").isEqualTo(120);
        assertThat(fee(FeeEngine.gross(order(StoreKind.TAOBAO, T0.plusSeconds(3600)), versions, List.of())))
                .as("paid from the new version's start: 1% of 20048").isEqualTo(200);
    }

    @Test
    void aRuleNamingTheStoreBeatsOneForItsKind() {
        FeeRule forStore5 = rule(3, FeeRuleKind.SERVICE_FEE, null, null, 5L, 0, T0.minusSeconds(10));
        FeeRule forStore6 = rule(4, FeeRuleKind.SERVICE_FEE, null, null, 6L, 300, T0.minusSeconds(10));
        assertThat(fee(FeeEngine.gross(order(StoreKind.TAOBAO, T0), List.of(TAOBAO_FEE, forStore5, forStore6), List.of())))
                .as("store 5 is exempted; store 6's rule is not its").isZero();
    }

    @Test
    void aCommissionRuleReplacesTheCategoryRateForItsCategoryOnly() {
        FeeRule category1 = rule(5, FeeRuleKind.COMMISSION, null, 1L, null, 200, T0.minusSeconds(10));
        List<NewCharge> charges = FeeEngine.gross(order(StoreKind.TMALL, T0), List.of(TAOBAO_FEE), List.of(category1));
        // 2% of 19998 = 399.96 → 400 under the rule; category 2 keeps its own 2% of 50 = 1.
        assertThat(charges).extracting(NewCharge::ruleKind, NewCharge::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COMMISSION", 400L),
                        org.assertj.core.groups.Tuple.tuple("CATEGORY_COMMISSION", 1L));
        assertThat(fee(FeeEngine.gross(order(StoreKind.TAOBAO, T0), List.of(TAOBAO_FEE), List.of(category1))))
                .as("a rule naming no store kind leaves Taobao stores on the service fee alone").isEqualTo(120);
    }
}
