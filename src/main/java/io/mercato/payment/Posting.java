package io.mercato.payment;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One balanced movement of money: its entries sum to zero. */
public record Posting(long id, String kind, @Nullable Long orderId, String reference, String memo, Instant at,
        List<Entry> entries) {

    public Posting {
        entries = List.copyOf(entries);
    }

    /** A signed amount on one account: positive adds to its balance, negative takes from it. */
    public record Entry(AccountKind account, long ownerId, long amountMinor, String currency) {
    }
}
