package io.mercato.ordering;

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
     * @param gmvMinor value of the orders paid that day
     * @param refundedMinor what has been refunded so far on those orders
     * @param paidOrders how many orders were paid that day
     * @param buyers distinct buyers among them
     */
    record DailySales(LocalDate day, String currency, long gmvMinor, long refundedMinor, long paidOrders,
            long buyers) {
    }
}
