package io.mercato.pricing;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Presale offers: a SKU enrolled in a festival with presale windows, sold on a deposit that is worth more at final
 * payment ("pay 50, get 100 off"). The offer is pricing's; the buyer's deposits and final payments are ordering's.
 */
public interface Presales {

    /**
     * The SKU's seller (or an operator) puts an enrolled SKU on presale, before the festival's presale window ends.
     *
     * @throws io.mercato.platform.InvalidInputException naming the bad field (amounts, limit, rule)
     * @throws io.mercato.platform.ForbiddenException when the SKU is not the seller's
     * @throws io.mercato.platform.ConflictException when the SKU is not enrolled, already on presale, the festival has
     *         no presale or its presale window has closed
     */
    Offer create(Actor actor, long festivalId, NewOffer offer);

    /** @throws io.mercato.platform.NotFoundException when there is no such offer */
    Offer offer(long offerId);

    /** The festival's offers, of one store when {@code storeId} is given, oldest first. */
    List<Offer> offers(long festivalId, @Nullable Long storeId);

    /** What happens to the deposit when the final payment is not made in its window. */
    enum UnpaidRule {
        /** The deposit goes to the merchant. */
        FORFEIT,
        /** The deposit goes back to the buyer. */
        REFUND
    }

    record NewOffer(@Nullable Long skuId, @Nullable Long depositMinor, @Nullable Long worthMinor,
            @Nullable Integer perBuyerLimit, @Nullable UnpaidRule unpaidRule) {
    }

    /**
     * @param deposit what the buyer pays per unit during the presale window
     * @param worth what the deposit takes off the price per unit at final payment (at least the deposit)
     * @param perBuyerLimit how many deposits one buyer may place on the offer
     */
    record Offer(long id, long festivalId, long skuId, long productId, long storeId, Money deposit, Money worth,
            int perBuyerLimit, UnpaidRule unpaidRule, Instant presaleFrom, Instant presaleUntil, Instant finalFrom,
            Instant finalUntil, Instant createdAt) {

        public boolean depositOpen(Instant at) {
            return !at.isBefore(presaleFrom) && at.isBefore(presaleUntil);
        }

        public boolean finalOpen(Instant at) {
            return !at.isBefore(finalFrom) && at.isBefore(finalUntil);
        }

        /** What the deposit is worth beyond its amount, per unit: the merchant-funded presale discount. */
        public Money bonus() {
            return worth.minus(deposit);
        }
    }
}
