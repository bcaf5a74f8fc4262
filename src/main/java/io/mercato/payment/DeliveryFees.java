package io.mercato.payment;

import io.mercato.platform.Money;
import java.util.Collection;
import java.util.Map;

/**
 * Instant deliveries on the ledger. A delivery's fee is held in {@link AccountKind#DELIVERY_ESCROW} from the moment the
 * buyer sends for a rider (the buyer's wallet pays the fee less the platform's subsidy, the platform's
 * {@link AccountKind#SUBSIDY} pays the rest); on delivery the held fee is released, the rider's pay credited to the
 * rider's {@link AccountKind#RIDER} account and what remains booked as {@link AccountKind#DELIVERY_REVENUE}; a refund
 * before delivery reverses the hold. Each is one balanced posting in the caller's transaction, with the order's id,
 * idempotent by its reference ({@code delivery:<id>:fee|paid|refund}). Nothing here checks who is asking: the caller
 * (instant) does.
 */
public interface DeliveryFees {

    /**
     * Holds a delivery's fee: the buyer pays {@code fee − subsidy} (nothing below zero) from the wallet, the subsidy
     * pays the rest, at most the fee.
     *
     * @throws io.mercato.platform.ConflictException when the wallet holds too little (nothing is written)
     * @throws IllegalArgumentException when an amount is negative or the currencies differ
     */
    void hold(long deliveryId, long orderId, long buyerAccountId, Money fee, Money subsidy);

    /**
     * Releases a delivered delivery's held fee: the rider's pay to the rider, the rest (below zero when the pay is
     * more) to delivery revenue. A delivery whose fee was never held (zero, or older than fees on the ledger) still
     * pays its rider, from delivery revenue.
     */
    void payRider(long deliveryId, long orderId, long riderAccountId, Money riderPay);

    /** Gives a held fee back: the buyer's part to the wallet, the subsidy's back to the subsidy. Nothing when none was held. */
    void refund(long deliveryId, long orderId);

    /** What the ledger booked for each of the deliveries (absent: nothing booked yet). */
    Map<Long, DeliveryBooks> books(Collection<Long> deliveryIds);

    /** What the platform owes the rider, in the currency. */
    Money riderBalance(long riderAccountId, java.util.Currency currency);

    /**
     * One delivery's money as posted, in its currency: the buyer's part and the subsidy of the fee held (net of a
     * refund), and the rider's pay.
     */
    record DeliveryBooks(Money buyerPaid, Money subsidy, Money riderPay, boolean refunded) {

        /** The whole fee: the buyer's part plus the subsidy's. */
        public Money fee() {
            return buyerPaid.plus(subsidy);
        }
    }
}
