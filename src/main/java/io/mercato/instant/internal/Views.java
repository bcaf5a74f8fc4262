package io.mercato.instant.internal;

import io.mercato.instant.DeliveryStatus;
import io.mercato.instant.DeliveryTask;
import io.mercato.instant.UnitEconomics;
import io.mercato.payment.DeliveryFees;
import io.mercato.platform.Money;
import org.jspecify.annotations.Nullable;
import java.time.Instant;

/** Turns stored rows into what the API shows. */
final class Views {

    private Views() {
    }

    /**
     * Late: delivered after the promise, or (still on its way) expected after it or already past it.
     */
    static boolean late(DeliveryRows.Row row, Instant now) {
        if (row.status() == DeliveryStatus.DELIVERED) {
            return row.deliveredAt() != null && row.deliveredAt().isAfter(row.promisedAt());
        }
        Instant expected = row.eta().isAfter(now) ? row.eta() : now;
        return expected.isAfter(row.promisedAt());
    }

    static DeliveryTask task(DeliveryRows.Row row, String storeName, Instant now, boolean withProof) {
        return new DeliveryTask(row.id(), row.orderId(), row.storeId(), storeName, row.pickup(), row.drop(), row.status(),
                row.riderId(), row.routeSeq(), row.readyAt(), row.promisedAt(), row.quotedMinutes(), row.eta(),
                late(row, now), withProof ? row.proofCode() : null, row.createdAt(), row.acceptedAt(), row.pickedUpAt(),
                row.deliveredAt());
    }

    /**
     * The delivery fee and subsidy as the ledger booked them (nothing booked: zero); the rider's pay as booked once
     * delivered (or cancelled: none), and until then what the rider will be paid on delivery; the commission as
     * recorded when the delivery was requested, since billing books the order's commission only at settlement.
     */
    static UnitEconomics economics(DeliveryRows.Row row, DeliveryFees.@Nullable DeliveryBooks books, Instant now) {
        String c = row.currency();
        Money zero = Money.of(0, c);
        return new UnitEconomics(row.id(), row.orderId(), row.storeId(), row.status(), late(row, now),
                books == null ? zero : books.fee(), Money.of(row.commissionMinor(), c),
                riderPay(row, books), books == null ? zero : books.subsidy());
    }

    private static Money riderPay(DeliveryRows.Row row, DeliveryFees.@Nullable DeliveryBooks books) {
        if (row.status() == DeliveryStatus.DELIVERED || row.status() == DeliveryStatus.CANCELLED) {
            return books == null ? Money.of(0, row.currency()) : books.riderPay();
        }
        return Money.of(row.riderPayMinor(), row.currency());
    }
}
