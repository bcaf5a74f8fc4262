package io.mercato.flashsale;

import io.mercato.ordering.Address;
import io.mercato.platform.Actor;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Schedules flash sales and sells them. An attempt is admitted in arrival order into its sale's queue on this
 * instance and committed with the attempts queued beside it in one transaction (one update of the sale's row per
 * group, not per buyer); the answer is given only after that commit, so every claim a buyer is told about is
 * durable. Several instances may sell the same sale: the sale's row lock orders their groups.
 */
public interface FlashSales {

    /** Longest a sale may run. */
    java.time.Duration LONGEST = java.time.Duration.ofDays(7);
    long MAX_QUANTITY = 1_000_000;
    int MAX_PER_BUYER = 100;

    /**
     * An operator, or the seller of the SKU's store, schedules a sale: the SKU's flash-sale price for the window (a
     * pricing promotion) and the quantity sold at it, at most what the SKU has available.
     *
     * @throws io.mercato.platform.InvalidInputException naming the bad field
     * @throws io.mercato.platform.ForbiddenException for a SKU of another seller's store, or a buyer
     * @throws io.mercato.platform.ConflictException when the SKU has fewer units available or another sale of it
     *         overlaps the window
     */
    FlashSale schedule(Actor actor, NewFlashSale sale);

    /**
     * Calls off a sale before it starts: buyers no longer see it, attempts are refused, its flash-sale price is ended.
     * The sale's seller or an operator.
     *
     * @throws io.mercato.platform.ForbiddenException for another seller's sale, or a buyer
     * @throws io.mercato.platform.ConflictException when it has started or was already cancelled
     * @throws io.mercato.platform.NotFoundException when there is no such sale
     */
    FlashSale cancel(Actor actor, long saleId);

    /** @throws io.mercato.platform.NotFoundException when there is no such sale */
    FlashSale sale(long saleId);

    /** Sales not yet ended, soonest first (at most 100). */
    List<FlashSale> current();

    /** A seller's sales (its stores'), or for an operator every sale, newest first (at most 200). */
    List<FlashSale> managed(Actor actor);

    /**
     * A buyer tries to buy {@code quantity} units. Returns the claim once it is committed; a retry with the same
     * {@code attemptKey} returns the same claim.
     *
     * @throws io.mercato.platform.ConflictException when the sale has not started, has ended, is sold out (or has
     *         fewer units left), or the buyer would pass the per-buyer limit
     * @throws io.mercato.platform.TooManyRequestsException when this instance's queue for the sale is full
     * @throws io.mercato.platform.InvalidInputException for a quantity outside 1..limit
     */
    FlashClaim attempt(Actor buyer, long saleId, long quantity, Address address, @Nullable String attemptKey);

    /** The buyer's claims in a sale, oldest first. */
    List<FlashClaim> claims(Actor buyer, long saleId);

    /** The sale's books for its seller or an operator: units sold and left, claims by status. */
    Tally tally(Actor actor, long saleId);

    /**
     * Places the orders of claims that have none yet (normally moments after they are won, by a worker on each
     * instance); returns how many it placed. Public so that tests and the operator can run it on purpose.
     */
    int placeOrders();

    /** Every admission queue of this instance, for metrics and the spike driver's queue positions. */
    int queued();

    /**
     * @param perBuyerLimit units one buyer may hold, 1 when null
     * @param startsAt now when null
     */
    record NewFlashSale(@Nullable String name, @Nullable Long skuId, @Nullable Long priceMinor,
            @Nullable Long quantity, @Nullable Integer perBuyerLimit, @Nullable Instant startsAt,
            @Nullable Instant endsAt) {
    }

    /**
     * @param held units in claims that are won or ordered; always equal to {@code sold}
     * @param ordered claims whose order exists (awaiting payment or paid)
     */
    record Tally(long saleId, long quantity, long sold, long held, long won, long ordered, long returned,
            long failed) {

        public boolean balances() {
            return sold == held && sold <= quantity;
        }
    }
}
