package io.mercato.demo;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.ordering.Address;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the demo marketplace is seeded, the demo buyer buys from the Taobao, Tmall, Local and Global demo stores,
 * and most orders complete, so that the sellers' statements and the operators' CMR report show fees from the
 * start. Runs once: skipped when the demo buyer has any order.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoTrades implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTrades.class);
    private static final Address ADDRESS = new Address("Li Lei", "13800138000", "1 Wensan Road", null, "Hangzhou",
            null, null, "CN");

    private final Accounts accounts;
    private final Stores stores;
    private final Catalog catalog;
    private final Checkout checkout;
    private final OrderLifecycle lifecycle;
    private final TransactionTemplate transactions;

    DemoTrades(Accounts accounts, Stores stores, Catalog catalog, Checkout checkout, OrderLifecycle lifecycle,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.stores = stores;
        this.catalog = catalog;
        this.checkout = checkout;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Account> demoBuyer = accounts.findByEmail("buyer@mercato.demo");
        if (demoBuyer.isEmpty()) {
            return;
        }
        Actor buyer = new Actor(demoBuyer.get().id(), Role.BUYER);
        if (lifecycle.count(buyer, null) > 0) {
            return;
        }
        Integer orders = transactions.execute(status -> trade(buyer));
        log.info("Demo trades: {} orders placed, most of them completed", orders);
    }

    private int trade(Actor buyer) {
        int placed = 0;
        for (String email : List.of("taobao@mercato.demo", "tmall@mercato.demo", "local@mercato.demo",
                "global@mercato.demo")) {
            Optional<Account> owner = accounts.findByEmail(email);
            if (owner.isEmpty()) {
                continue;
            }
            Actor seller = new Actor(owner.get().id(), Role.SELLER);
            for (Store store : stores.ownedBy(owner.get().id())) {
                if (!store.canSell() || store.kind() == StoreKind.SUPERMARKET) {
                    continue;
                }
                List<Product> products = catalog.browse(null, store.id(), 0, 3).items();
                for (int i = 0; i < products.size(); i++) {
                    long sku = products.get(i).skus().getFirst().id();
                    OrderView order = checkout.place(buyer, ADDRESS, List.of(new Checkout.Item(sku, 1 + i % 2))).orders()
                            .getFirst();
                    lifecycle.pay(buyer, order.id());
                    placed++;
                    if (i == products.size() - 1) {
                        continue; // one order per store stays paid, waiting to ship
                    }
                    lifecycle.ship(seller, order.id(), "SF Express", "SF" + (1_000_000_000L + order.id()));
                    lifecycle.markDelivered(seller, order.id());
                    lifecycle.confirmReceipt(buyer, order.id());
                }
            }
        }
        return placed;
    }
}
