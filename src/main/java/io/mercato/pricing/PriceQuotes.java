package io.mercato.pricing;

import io.mercato.platform.Money;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one pricing engine: prices a cart (lines of many stores) for a buyer at an instant and explains it line by
 * line. Pure with respect to its inputs and the promotions in force: pricing the same request twice gives the same
 * quote. Used by the cart, checkout, the product page and search.
 */
public interface PriceQuotes {

    /**
     * @throws io.mercato.platform.InvalidInputException naming the line whose SKU is unknown or quantity is out of range,
     *         or a chosen coupon that is not the buyer's, expired, used, or for another store
     * @throws io.mercato.platform.ConflictException when the chosen coupons may not be combined
     */
    Quote quote(QuoteRequest request);

    /**
     * The price one unit of each SKU shows on product and search pages for this buyer (null: a visitor) at this
     * instant: the list price and the price after SKU-level promotions (flash-sale, limited-time, subsidised, member
     * price), without coupons. Unknown SKUs are left out.
     */
    Map<Long, DisplayPrice> displayPrices(Collection<Long> skuIds, @Nullable Long buyerAccountId, Instant at);

    /**
     * @param buyerAccountId null prices for a visitor (no member price, no coupons)
     * @param coupons which of the buyer's claimed coupons to use
     */
    record QuoteRequest(@Nullable Long buyerAccountId, List<Line> lines, CouponChoice coupons, Instant at) {

        public QuoteRequest {
            lines = List.copyOf(lines);
        }
    }

    record Line(long skuId, long quantity) {
    }

    /**
     * {@link Mode#BEST}: the engine picks the combination of the buyer's coupons that leaves the lowest payable total
     * (ties broken deterministically); {@link Mode#NONE}: no coupons; {@link Mode#CHOSEN}: exactly the claims named.
     */
    record CouponChoice(Mode mode, List<Long> claimIds) {

        public static final CouponChoice BEST = new CouponChoice(Mode.BEST, List.of());
        public static final CouponChoice NONE = new CouponChoice(Mode.NONE, List.of());

        public CouponChoice {
            claimIds = List.copyOf(claimIds);
        }

        public static CouponChoice chosen(List<Long> claimIds) {
            return new CouponChoice(Mode.CHOSEN, claimIds);
        }

        public enum Mode { BEST, NONE, CHOSEN }
    }

    /**
     * @param lines in the order requested (the same SKU twice is one line)
     * @param applied every discount applied, once each, with the total it took off
     * @param claimIds the coupons the quote uses (redeemed when checkout places the orders)
     */
    record Quote(Instant at, List<QuotedLine> lines, List<Applied> applied, List<Long> claimIds, Money listTotal,
            Money merchantFunded, Money platformFunded, Money payable) {

        public Quote {
            lines = List.copyOf(lines);
            applied = List.copyOf(applied);
            claimIds = List.copyOf(claimIds);
        }
    }

    /**
     * @param adjustments this line's share of each discount applied to it, in the order applied
     * @param paid what the buyer pays for the line: list total less every adjustment, never below zero
     */
    record QuotedLine(long skuId, long productId, long storeId, long quantity, Money listUnit, Money listTotal,
            List<Adjustment> adjustments, Money paid) {

        public QuotedLine {
            adjustments = List.copyOf(adjustments);
        }
    }

    /**
     * One discount's share on one line.
     *
     * @param promotionId the promotion, voucher pool or presale offer behind it
     * @param claimId the buyer's coupon when the discount is one, else null
     * @param name what the merchant or operator called it, shown beside the kind's own label
     */
    record Adjustment(AdjustmentKind kind, Funder funder, long promotionId, @Nullable Long claimId, String name,
            Money amount) {
    }

    /** One discount as a whole: the sum of its {@link Adjustment} shares. */
    record Applied(AdjustmentKind kind, Funder funder, long promotionId, @Nullable Long claimId, String name,
            Money amount) {
    }

    /**
     * @param adjustment the SKU-level promotion behind {@code price}, null when it is the list price
     */
    record DisplayPrice(long skuId, Money list, Money price, @Nullable Adjustment adjustment) {
    }
}
