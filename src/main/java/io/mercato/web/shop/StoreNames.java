package io.mercato.web.shop;

import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The names of the stores a list of orders was placed with, looked up once per store. */
@Component
final class StoreNames {

    private final Stores stores;

    StoreNames(Stores stores) {
        this.stores = stores;
    }

    Map<Long, String> of(List<OrderView> orders) {
        Map<Long, String> names = new LinkedHashMap<>();
        orders.forEach(o -> names.computeIfAbsent(o.storeId(), id -> stores.get(id).name()));
        return names;
    }
}
