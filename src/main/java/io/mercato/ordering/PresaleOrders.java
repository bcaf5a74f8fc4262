package io.mercato.ordering;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.PriceQuotes.Adjustment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Buyers' presales: the deposit during a festival's presale window, the final payment during its final window, priced
 * by the engine at that moment with the deposit's worth as a {@code PRESALE_DEPOSIT} adjustment, and the offer's rule
 * for a final payment never made. Each step moves money through the ledger and stock through inventory in its own
 * transaction.
 */
public interface PresaleOrders {

    /**
     * The buyer pays the deposit on one unit: the wallet pays into escrow and the unit is reserved.
     *
     * @throws io.mercato.platform.ConflictException outside the presale window, beyond the offer's per-buyer limit,
     *         out of stock, or with too little in the wallet
     */
    Presale deposit(Actor buyer, long offerId, Address address);

    /**
     * What the final payment would be now: the engine's price with every promotion in force, the deposit's credit,
     * and the balance due.
     */
    FinalQuote finalQuote(Actor buyer, long presaleId, PriceQuotes.CouponChoice coupons);

    /**
     * The buyer pays the balance during the final window: an order is placed and paid (its total is the deposit plus
     * the balance), the reservation passes to it.
     *
     * @throws io.mercato.platform.ConflictException outside the final window, when already paid or closed
     */
    Presale payFinal(Actor buyer, long presaleId, PriceQuotes.CouponChoice coupons);

    /**
     * @throws io.mercato.platform.NotFoundException when there is no such presale
     * @throws io.mercato.platform.ForbiddenException when it is neither the buyer's nor the seller's store's
     */
    Presale presale(Actor actor, long presaleId);

    /** The buyer's presales, a seller's stores' (of one store when given), or (operators) all; newest first. */
    List<Presale> presales(Actor actor, @Nullable Long storeId, int limit);

    /**
     * @param lines the engine's adjustments on the line, then the presale deposit's credit
     * @param listTotal the list price of the unit
     * @param orderTotal what the order will total: the deposit plus the balance
     * @param due the balance to pay now
     * @param claimIds the coupons the final payment would use
     */
    record FinalQuote(Presale presale, Money listTotal, List<Adjustment> lines, Money orderTotal, Money due,
            List<Long> claimIds) {

        public FinalQuote {
            lines = List.copyOf(lines);
            claimIds = List.copyOf(claimIds);
        }
    }
}
