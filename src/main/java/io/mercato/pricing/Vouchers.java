package io.mercato.pricing;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Coupon pools and the coupons buyers hold: store coupons a merchant issues for its store (merchant-funded) and
 * platform vouchers the operator issues (platform-funded, across stores, optionally for one festival's enrolled
 * SKUs or for members only). A pool never issues more than its limit, nor more than its per-buyer limit to one
 * buyer, under any concurrency.
 */
public interface Vouchers {

    /**
     * A seller creates store coupons for one of its stores; an operator (or the platform itself) creates platform
     * vouchers.
     *
     * @throws io.mercato.platform.InvalidInputException naming the bad field (amounts, limits, windows, currency)
     * @throws io.mercato.platform.ForbiddenException for a store that is not the seller's
     */
    Pool createPool(Actor actor, NewPool pool);

    /** @throws io.mercato.platform.NotFoundException when there is no such pool */
    Pool pool(long poolId);

    /** Pools a buyer may claim now: the store's when {@code storeId} is given, else the platform's. */
    List<Pool> claimable(@Nullable Long storeId, Instant at);

    /**
     * The buyer claims one coupon from the pool.
     *
     * @throws io.mercato.platform.ConflictException when the pool is exhausted, not open for claims, members-only and
     *         the buyer is not a member, grant-only, or the buyer reached the per-buyer limit
     */
    Claim claim(Actor buyer, long poolId);

    /**
     * The platform issues a coupon of a grant-only pool to a buyer (members' monthly coupons), once per
     * {@code grantKey}: granting again with the same key returns the coupon granted before.
     */
    Claim grant(long poolId, long buyerAccountId, String grantKey);

    /** The buyer's coupons, newest first, with whether each is usable, used or expired. */
    List<Claim> wallet(Actor buyer);

    /**
     * Marks the quote's coupons used by the orders of one checkout; runs in the checkout's transaction.
     *
     * @throws io.mercato.platform.ConflictException when one of them was used or expired meanwhile
     */
    void redeem(long buyerAccountId, List<Long> claimIds, long checkoutId, List<Long> orderIds);

    /** Gives back the coupons an order used once every order they were used on is cancelled unpaid. */
    void release(long orderId);

    /**
     * @param festivalId when set, the coupons apply only to SKUs enrolled in that festival
     * @param membersOnly only paying members may claim
     * @param grantOnly buyers cannot claim; the platform grants ({@link #grant})
     */
    record NewPool(String name, Funder funder, @Nullable Long storeId, @Nullable Long festivalId, Money amountOff,
            Money threshold, long totalLimit, int perBuyerLimit, Instant claimFrom, Instant claimUntil,
            Instant validFrom, Instant validUntil, boolean membersOnly, boolean grantOnly) {
    }

    record Pool(long poolId, String name, Funder funder, @Nullable Long storeId, @Nullable Long festivalId,
            Money amountOff, Money threshold, long totalLimit, int perBuyerLimit, long issued, long used,
            Instant claimFrom, Instant claimUntil, Instant validFrom, Instant validUntil, boolean membersOnly,
            boolean grantOnly) {

        public long left() {
            return totalLimit - issued;
        }
    }

    enum ClaimState { USABLE, USED, EXPIRED }

    record Claim(long claimId, long poolId, long buyerAccountId, String name, Funder funder, @Nullable Long storeId,
            Money amountOff, Money threshold, Instant claimedAt, Instant validFrom, Instant validUntil,
            ClaimState state) {
    }
}
