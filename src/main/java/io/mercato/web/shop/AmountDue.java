package io.mercato.web.shop;

import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is left to pay of a checkout: what its orders still awaiting payment cost the buyer (their totals and the taxes
 * collected at checkout), per currency.
 */
final class AmountDue {

    private AmountDue() {
    }

    static Map<String, Long> perCurrency(List<OrderView> orders) {
        return orders.stream().filter(o -> o.status() == OrderStatus.AWAITING_PAYMENT).collect(Collectors.groupingBy(
                OrderView::currency, LinkedHashMap::new, Collectors.summingLong(OrderView::payableMinor)));
    }
}
