package io.mercato.pricing;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The promotions behind the engine's SKU-level prices and threshold discounts: merchants' flash-sale prices,
 * limited-time discounts and member-price participation on their SKUs; the operator's subsidised prices and
 * cross-store threshold discounts. Coupons are {@link Vouchers}'. Every change reaches the engine of every instance
 * within a second.
 */
public interface Promotions {

    /** Most a member price takes off, and what it takes off unless the merchant says otherwise (about 5%). */
    int MEMBER_PRICE_DEFAULT_BP = 500;
    int MEMBER_PRICE_MAX_BP = 1_000;
    /** Most a subsidised price takes off the list price: 80%. */
    int SUBSIDY_MAX_BP = 8_000;

    /**
     * A seller puts a flash-sale price, a limited-time discount or the member price on a SKU of its store; an operator
     * puts a subsidised price on any SKU.
     *
     * @throws io.mercato.platform.InvalidInputException naming the bad field (kind, price, percentage, window)
     * @throws io.mercato.platform.ForbiddenException for a SKU of another seller's store, or a subsidy by a seller
     */
    SkuPromotion create(Actor actor, NewSkuPromotion promotion);

    /** Ends a SKU promotion at once. */
    SkuPromotion end(Actor actor, long promotionId);

    /** A store's SKU promotions, newest first, for its seller or an operator. */
    List<SkuPromotion> ofStore(Actor actor, long storeId);

    /** Every subsidised price, newest first, for operators. */
    List<SkuPromotion> subsidies(Actor operator);

    /**
     * Every coupon pool of a store (for its seller or an operator) or, with {@code storeId} null, the platform's
     * vouchers (for operators), newest first, with how many were issued and used.
     */
    List<Vouchers.Pool> pools(Actor actor, @Nullable Long storeId);

    /** @throws io.mercato.platform.InvalidInputException naming the bad field */
    Threshold createThreshold(Actor operator, NewThreshold threshold);

    Threshold endThreshold(Actor operator, long thresholdId);

    List<Threshold> thresholds(Actor operator);

    /**
     * @param price the price per unit (flash-sale, limited-time, subsidy), or null with {@code percentOffBasisPoints}
     * @param percentOffBasisPoints the share off the list price, in basis points (500 = 5%)
     */
    record NewSkuPromotion(@Nullable AdjustmentKind kind, @Nullable String name, long skuId, @Nullable Money price,
            @Nullable Integer percentOffBasisPoints, @Nullable Instant startsAt, @Nullable Instant endsAt) {
    }

    record SkuPromotion(long id, AdjustmentKind kind, String name, long storeId, long skuId, @Nullable Money price,
            @Nullable Integer percentOffBasisPoints, Instant startsAt, Instant endsAt, @Nullable Instant endedAt) {

        public boolean activeAt(Instant at) {
            return endedAt == null && !at.isBefore(startsAt) && at.isBefore(endsAt);
        }
    }

    /**
     * "{@code off} off every {@code step}", at most {@code cap} per checkout, on the lines of the step's currency
     * (only those enrolled in the festival when {@code festivalId} is set).
     */
    record NewThreshold(@Nullable String name, @Nullable Money step, @Nullable Money off, @Nullable Money cap,
            @Nullable Long festivalId, @Nullable Instant startsAt, @Nullable Instant endsAt) {
    }

    record Threshold(long id, String name, Money step, Money off, Money cap, @Nullable Long festivalId,
            Instant startsAt, Instant endsAt, @Nullable Instant endedAt) {

        public boolean activeAt(Instant at) {
            return endedAt == null && !at.isBefore(startsAt) && at.isBefore(endsAt);
        }
    }
}
