package io.mercato.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmountDueTest {

    @Test
    void onlyOrdersStillAwaitingPaymentAreDuePerCurrency() {
        Map<String, Long> due = AmountDue.perCurrency(List.of(order(1, OrderStatus.AWAITING_PAYMENT, "CNY", 1_000),
                order(2, OrderStatus.PAID, "CNY", 5_000), order(3, OrderStatus.AWAITING_PAYMENT, "USD", 300),
                order(4, OrderStatus.AWAITING_PAYMENT, "CNY", 250), order(5, OrderStatus.CANCELLED, "CNY", 700)));

        assertThat(due).containsExactly(Map.entry("CNY", 1_250L), Map.entry("USD", 300L));
    }

    @Test
    void aPaidCheckoutOwesNothing() {
        assertThat(AmountDue.perCurrency(List.of(order(1, OrderStatus.PAID, "CNY", 1_000)))).isEmpty();
    }

    private static OrderView order(long id, OrderStatus status, String currency, long totalMinor) {
        Address address = new Address("Li Lei", "13800000000", "1 Road", null, "Hangzhou", null, null, "CN");
        return new OrderView(id, 1, 2, 3, StoreKind.TAOBAO, 4, status, Money.of(totalMinor, currency),
                Money.of(0, currency), null, address, null,
                null, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, List.of(), List.of(), List.of());
    }
}
