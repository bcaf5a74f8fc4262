package io.mercato.web.shop;

import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The address a buyer's checkout form starts with: the one of their newest order, or a blank one in China. */
@Component
final class LastAddress {

    private final OrderLifecycle lifecycle;

    LastAddress(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    AddressForm of(Actor buyer) {
        List<OrderView> newest = lifecycle.orders(buyer, null, null, null, 0, 1);
        return newest.isEmpty() ? AddressForm.blank() : AddressForm.of(newest.getFirst().address());
    }
}
