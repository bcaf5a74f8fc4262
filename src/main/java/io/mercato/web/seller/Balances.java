package io.mercato.web.seller;

import io.mercato.payment.AccountKind;
import io.mercato.payment.LedgerAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A seller's money per currency: settled (merchant balances, which may be withdrawn) and pending (escrow, released
 * when orders complete). A seller with no account of a kind yet sees zero yuan rather than nothing.
 */
record Balances(Map<String, Long> settled, Map<String, Long> pending) {

    static Balances of(List<LedgerAccount> accounts) {
        return new Balances(sum(accounts, AccountKind.MERCHANT), sum(accounts, AccountKind.ESCROW));
    }

    private static Map<String, Long> sum(List<LedgerAccount> accounts, AccountKind kind) {
        Map<String, Long> sums = accounts.stream().filter(a -> a.kind() == kind).collect(Collectors.groupingBy(
                LedgerAccount::currency, LinkedHashMap::new, Collectors.summingLong(LedgerAccount::balanceMinor)));
        return sums.isEmpty() ? Map.of("CNY", 0L) : sums;
    }
}
