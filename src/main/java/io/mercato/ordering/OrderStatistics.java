package io.mercato.ordering;

import io.mercato.platform.Money;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read-only sales figures for dashboards. GMV is the value of paid orders (unpaid and cancelled orders never
 * count), booked on the day of payment; refunds are reported beside it so GMV net of refunds can be shown.
 */
public interface OrderStatistics {

    /**
     * Sales per day of {@code from..to} (in the zone) and currency, of one seller's orders (optionally of one
     * of its stores) or, when {@code sellerAccountId} is null, of the whole platform. Days without paid orders
     * are absent.
     */
    List<DailySales> dailySales(@Nullable Long sellerAccountId, @Nullable Long storeId, LocalDate from, LocalDate to,
            ZoneId zone);

    /**
     * Sales per day of {@code from..to} (in the zone) and currency of the order lines of these SKUs only (a festival's
     * enrolled SKUs): GMV is the value of those lines in orders paid that day, refunds what was refunded of those
     * lines, orders and buyers those with such a line. At most 10,000 SKUs; days without sales are absent.
     */
    List<DailySales> dailySalesOfSkus(java.util.Collection<Long> skuIds, LocalDate from, LocalDate to, ZoneId zone);

    /**
     * What the platform funded of the discounts on those SKUs' lines in orders paid in {@code from..to} (vouchers,
     * threshold discounts, subsidised and member prices), per currency code: the subsidy those sales cost.
     */
    java.util.Map<String, Long> platformFundedOfSkus(java.util.Collection<Long> skuIds, LocalDate from, LocalDate to,
            ZoneId zone);

    /**
     * @param gmv value of the orders paid that day
     * @param refunded what has been refunded so far on those orders, in the currency of {@code gmv}
     * @param paidOrders how many orders were paid that day
     * @param buyers distinct buyers among them
     */
    record DailySales(LocalDate day, Money gmv, Money refunded, long paidOrders, long buyers) {

        public DailySales {
            if (!gmv.currency().equals(refunded.currency())) {
                throw new IllegalArgumentException("Sales of " + day + " cannot have a GMV of " + gmv
                        + " and refunds of " + refunded + ": currencies differ");
            }
        }
    }
}
