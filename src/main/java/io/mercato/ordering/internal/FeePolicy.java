package io.mercato.ordering.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.Money;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the platform keeps when an order settles, on the value the buyer finally paid (net of refunds).
 * Taobao stores pay the 0.6% software service fee on the order; Tmall, Local and Global stores pay their
 * categories' commissions line by line; wholesale suppliers pay membership fees instead; the Supermarket's
 * sales are the platform's own, so nothing is split off. Each amount rounds half-up to the minor unit. The
 * full fee engine (versioned rules, rebates, ads) belongs to billing.
 */
@Component
final class FeePolicy {

    static final int SOFTWARE_SERVICE_FEE_BP = 60;

    /** The fee on what the buyer keeps of these lines. */
    Money fee(StoreKind kind, Currency currency, List<Order.Line> lines) {
        return switch (kind) {
            case TAOBAO -> lines.stream().map(line -> kept(line, currency)).reduce(Money.zero(currency), Money::plus)
                    .basisPoints(SOFTWARE_SERVICE_FEE_BP);
            case TMALL, LOCAL, GLOBAL -> lines.stream()
                    .map(line -> kept(line, currency).basisPoints(line.commissionBasisPoints()))
                    .reduce(Money.zero(currency), Money::plus);
            case WHOLESALE, SUPERMARKET -> Money.zero(currency);
        };
    }

    /** Whether the store's sales are the platform's own: its escrow settles to platform revenue, not a merchant. */
    boolean firstParty(StoreKind kind) {
        return kind == StoreKind.SUPERMARKET;
    }

    private static Money kept(Order.Line line, Currency currency) {
        return new Money(line.unitPriceMinor(), currency).times(line.keptQuantity());
    }
}
