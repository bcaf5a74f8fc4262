package io.mercato.ordering.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Money;
import java.util.Currency;

/**
 * What the platform keeps when an order settles, on the value the buyer finally paid (net of refunds).
 * Taobao stores pay the 0.6% software service fee; Tmall, Local and Global stores pay their categories'
 * commissions line by line; wholesale suppliers pay membership fees instead; the Supermarket's sales are
 * the platform's own. The full fee engine (rebates, ads) belongs to billing.
 */
final class FeePolicy {

    static final int SOFTWARE_SERVICE_FEE_BP = 60;

    private FeePolicy() {
    }

    static Money fee(OrderView order) {
        Currency currency = Currency.getInstance(order.currency());
        Money settled = new Money(order.totalMinor() - order.refundedMinor(), currency);
        return switch (order.storeKind()) {
            case TAOBAO -> settled.basisPoints(SOFTWARE_SERVICE_FEE_BP);
            case TMALL, LOCAL, GLOBAL -> order.lines().stream()
                    .map(line -> new Money(line.unitPriceMinor() * (line.quantity() - line.refundedQuantity()), currency)
                            .basisPoints(line.commissionBasisPoints()))
                    .reduce(Money.zero(currency), Money::plus);
            case WHOLESALE, SUPERMARKET -> Money.zero(currency);
        };
    }

    static boolean firstParty(StoreKind kind) {
        return kind == StoreKind.SUPERMARKET;
    }
}
