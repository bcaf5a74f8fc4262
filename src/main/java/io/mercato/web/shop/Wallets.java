package io.mercato.web.shop;

import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.Money;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The buyer's wallets. A buyer who never topped up has none in the ledger yet; the pages show an empty yuan wallet
 * then, so there is always a balance to read and a place to top up.
 */
@Component
final class Wallets {

    private final Escrow escrow;

    Wallets(Escrow escrow) {
        this.escrow = escrow;
    }

    List<LedgerAccount> of(Actor buyer) {
        List<LedgerAccount> wallets = escrow.accountsOf(buyer).stream()
                .filter(a -> a.kind() == AccountKind.WALLET).toList();
        return wallets.isEmpty() ? List.of(new LedgerAccount(0, AccountKind.WALLET, buyer.accountId(), Money.zero(Currencies.CNY))) : wallets;
    }
}
