package io.mercato.web.ops;

import io.mercato.web.common.Names;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.payment.Escrow;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.web.common.Timeline;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding orders, stores and accounts, and each one's page with its history and ledger postings. */
@Controller
final class LookupController {

    private static final int LISTED = 50;

    private final Lookup lookup;
    private final OrderLifecycle lifecycle;
    private final Stores stores;
    private final Accounts accounts;
    private final Escrow escrow;
    private final Names names;

    LookupController(Lookup lookup, OrderLifecycle lifecycle, Stores stores, Accounts accounts, Escrow escrow, Names names) {
        this.names = names;
        this.lookup = lookup;
        this.lifecycle = lifecycle;
        this.stores = stores;
        this.accounts = accounts;
        this.escrow = escrow;
    }

    @GetMapping("/ops/search")
    String search(Actor operator, @RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip();
        Lookup.Hits hits = lookup.find(operator, query);
        model.addAttribute("q", query);
        model.addAttribute("orders", hits.orders());
        model.addAttribute("stores", hits.stores());
        model.addAttribute("accounts", hits.accounts());
        return "ops/search";
    }

    @GetMapping("/ops/orders/{orderId}")
    String order(Actor operator, @PathVariable long orderId, Model model) {
        OrderView order = lifecycle.order(operator, orderId);
        model.addAttribute("order", order);
        model.addAttribute("store", stores.get(order.storeId()));
        model.addAttribute("buyer", accounts.find(order.buyerAccountId()).orElse(null));
        model.addAttribute("postings", escrow.postingsOf(orderId));
        model.addAttribute("steps", Timeline.of(order));
        return "ops/order";
    }

    @GetMapping("/ops/stores/{storeId}")
    String store(Actor operator, @PathVariable long storeId, Model model) {
        Store store = stores.get(storeId);
        model.addAttribute("store", store);
        model.addAttribute("owner", accounts.find(store.ownerAccountId()).orElse(null));
        model.addAttribute("orders", lifecycle.orders(operator, null, storeId, null, 0, LISTED));
        return "ops/store";
    }

    @GetMapping("/ops/accounts/{accountId}")
    String account(Actor operator, @PathVariable long accountId, Model model) {
        Account account = accounts.find(accountId)
                .orElseThrow(() -> new NotFoundException(Text.of("web.thereNoAccount", accountId)));
        model.addAttribute("account", account);
        model.addAttribute("accountName", names.of(account));
        model.addAttribute("stores", account.role() == Role.SELLER ? stores.ownedBy(accountId) : List.of());
        model.addAttribute("orders", account.role() == Role.BUYER
                ? lifecycle.orders(operator, null, null, accountId, 0, LISTED) : List.<OrderView>of());
        model.addAttribute("postings", escrow.statementOf(operator, accountId, LISTED));
        return "ops/account";
    }
}
