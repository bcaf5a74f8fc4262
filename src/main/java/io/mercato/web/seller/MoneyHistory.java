package io.mercato.web.seller;

import io.mercato.payment.AccountKind;
import io.mercato.payment.LedgerAccount;
import io.mercato.payment.Posting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A seller's money history: each posting on the seller's accounts with what it moved on the settled balance (merchant
 * balance less debt) and on escrow, and the settled and escrow balances right after it. The running balances are
 * worked back from today's balances, newest posting first, so they agree with the tiles above the history.
 */
record MoneyHistory(List<Row> rows) {

    /**
     * @param settled the change of the settled balance (merchant balance and debt) in minor units
     * @param escrow the change of the money held in escrow
     * @param other the change of the seller's other accounts (the ad account)
     */
    record Row(long postingId, Instant at, String kind, @Nullable Long orderId, String currency, long settled,
            long escrow, long other, long settledAfter, long escrowAfter) {
    }

    private static final Set<AccountKind> SETTLED = Set.of(AccountKind.MERCHANT, AccountKind.MERCHANT_DEBT);

    static MoneyHistory of(long sellerId, List<LedgerAccount> accounts, List<Posting> newestFirst) {
        Set<String> mine = accounts.stream().map(a -> a.kind() + ":" + a.ownerId()).collect(Collectors.toSet());
        Map<String, Long> settled = new HashMap<>();
        Map<String, Long> escrow = new HashMap<>();
        for (LedgerAccount account : accounts) {
            if (SETTLED.contains(account.kind())) {
                settled.merge(account.currency(), account.balanceMinor(), Long::sum);
            } else if (account.kind() == AccountKind.ESCROW) {
                escrow.merge(account.currency(), account.balanceMinor(), Long::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Posting posting : newestFirst) {
            Map<String, long[]> changes = new HashMap<>();
            for (Posting.Entry entry : posting.entries()) {
                boolean ours = mine.contains(entry.account() + ":" + entry.ownerId())
                        || (entry.ownerId() == sellerId && (SETTLED.contains(entry.account())
                                || entry.account() == AccountKind.ESCROW || entry.account() == AccountKind.AD_ACCOUNT));
                if (!ours) {
                    continue;
                }
                long[] change = changes.computeIfAbsent(entry.currency(), c -> new long[3]);
                int slot = SETTLED.contains(entry.account()) ? 0 : entry.account() == AccountKind.ESCROW ? 1 : 2;
                change[slot] += entry.amountMinor();
            }
            changes.forEach((currency, change) -> {
                long settledAfter = settled.getOrDefault(currency, 0L);
                long escrowAfter = escrow.getOrDefault(currency, 0L);
                rows.add(new Row(posting.id(), posting.at(), posting.kind(), posting.orderId(), currency, change[0],
                        change[1], change[2], settledAfter, escrowAfter));
                settled.put(currency, settledAfter - change[0]);
                escrow.put(currency, escrowAfter - change[1]);
            });
        }
        return new MoneyHistory(rows);
    }
}
