package io.mercato.ordering.internal;

import io.mercato.inventory.StockLedger;
import io.mercato.inventory.StockLine;
import io.mercato.ordering.Refund.RefundLine;
import io.mercato.ordering.OrderFees;
import io.mercato.ordering.Refund;
import io.mercato.payment.Escrow;
import io.mercato.payment.Payee;
import io.mercato.payment.Settlement;
import io.mercato.platform.Money;
import io.mercato.pricing.Vouchers;
import org.springframework.stereotype.Component;

/**
 * What an order's transitions move in other modules, in the order's own transaction: money through escrow
 * and units through stock. Money moves before stock in every step, and after the order row is written: a
 * store's escrow account is one row that every payment to the store updates, so its lock is held only for the
 * tail of the transaction.
 */
@Component
final class OrderMoves {

    private final Escrow escrow;
    private final StockLedger stock;
    private final OrderFees fees;
    private final Orders orders;
    private final Vouchers vouchers;

    OrderMoves(Escrow escrow, StockLedger stock, OrderFees fees, Orders orders, Vouchers vouchers) {
        this.vouchers = vouchers;
        this.escrow = escrow;
        this.stock = stock;
        this.fees = fees;
        this.orders = orders;
    }

    /** Holds the units of a newly placed order until it is paid or cancelled. */
    void placed(Order order) {
        stock.reserve(order.id(), order.lines().stream().map(line -> new StockLine(line.skuId(), line.quantity())).toList());
    }

    /** The wallet pays into escrow and the reserved units leave on-hand stock. */
    void paid(Order order) {
        escrow.pay(order.id(), order.buyerId(), payee(order), order.total(), order.taxShare());
        stock.commit(order.id());
    }

    /** An unpaid order gives its reserved units back, and its coupons once every order they were used on is cancelled. */
    void cancelled(Order order) {
        stock.release(order.id());
        vouchers.release(order.id());
    }

    /**
     * An approved refund returns its money and puts its units back on hand: from escrow while the order is open,
     * from the seller's balance (less the fee given back, which the order's fee no longer counts) once the escrow
     * was released.
     */
    void refunded(Order order, Refund refund) {
        if (order.settled()) {
            Money feeBack = Order.firstParty(order.storeKind()) ? Money.zero(order.currency())
                    : fees.reverse(order.feeBasis(), refund.id());
            if (feeBack.isPositive()) {
                order.feeReturned(feeBack);
                orders.saveFee(order);
            }
            Money subsidyBack = Order.firstParty(order.storeKind()) ? Money.zero(order.currency())
                    : refund.lines().stream().map(line -> order.subsidyOf(line.lineId(), line.quantity()))
                            .reduce(Money.zero(order.currency()), Money::plus);
            escrow.refundSettled(order.id(), refund.id(), order.buyerId(), payee(order), refund.amount(), feeBack,
                    subsidyBack, order.taxesBack(refund));
        } else {
            escrow.refund(order.id(), refund.id(), order.buyerId(), payee(order), refund.amount(),
                    order.taxesBack(refund));
        }
        for (RefundLine line : refund.lines()) {
            stock.restock(order.id(), order.line(line.lineId()).skuId(), line.quantity());
        }
    }

    /**
     * A completed order's escrow goes to the merchant, less the platform's fee, with the platform-funded discounts
     * on the units kept paid to the merchant from the platform's subsidy spend.
     */
    void completed(Order order) {
        Money fee = order.fee() == null ? Money.zero(order.currency()) : order.fee();
        Money subsidy = Order.firstParty(order.storeKind()) ? Money.zero(order.currency()) : order.subsidy();
        escrow.settle(new Settlement(order.id(), payee(order), order.escrow(), fee, subsidy));
    }

    /** Whose escrow holds the order's money: the seller's, or the platform's for its own sales. */
    private Payee payee(Order order) {
        return Order.firstParty(order.storeKind()) ? Payee.platform() : Payee.merchant(order.sellerId());
    }
}
