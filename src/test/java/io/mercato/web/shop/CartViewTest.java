package io.mercato.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.StoreStatus;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartViewTest {

    @Test
    void itemsAreGroupedByStoreInTheOrderTheyWereAddedWithSubtotalsAndTotalsPerCurrency() {
        CartView view = CartView.of(List.of(item(1, 7, 2, 1_000, "CNY"), item(2, 8, 1, 500, "USD"),
                item(3, 7, 3, 250, "CNY")), CartViewTest::store);

        assertThat(view.groups()).extracting(g -> g.store().id()).containsExactly(7L, 8L);
        assertThat(view.groups().getFirst().items()).extracting(CartItem::skuId).containsExactly(1L, 3L);
        assertThat(view.groups()).extracting(CartView.StoreGroup::subtotalMinor).containsExactly(2_750L, 500L);
        assertThat(view.groups()).extracting(CartView.StoreGroup::currency).containsExactly("CNY", "USD");
        assertThat(view.totals()).containsExactly(Map.entry("CNY", 2_750L), Map.entry("USD", 500L));
    }

    @Test
    void anEmptyCartHasNoGroupsAndNoTotals() {
        CartView view = CartView.of(List.of(), CartViewTest::store);

        assertThat(view.groups()).isEmpty();
        assertThat(view.totals()).isEmpty();
    }

    private static CartItem item(long skuId, long storeId, long quantity, long unitPriceMinor, String currency) {
        return new CartItem(skuId, quantity, 100 + skuId, storeId, "item " + skuId, Map.of(),
                Money.of(unitPriceMinor, currency), 10, true);
    }

    private static Store store(long id) {
        return new Store(id, 1, "store " + id, StoreKind.TAOBAO, "CNY", StoreStatus.ACTIVE, null, null, Instant.EPOCH);
    }
}
