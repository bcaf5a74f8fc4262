package io.mercato.web.ops;

import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What the operator's search box finds. A number (with or without {@code #}) is tried as an order, a store and an
 * account id at once, since ids of different things look alike; an email finds the account and the stores it owns;
 * two letters or more find the stores whose name contains them.
 */
@Component
final class Lookup {

    private static final int STORES_BY_NAME = 20;

    private final OrderLifecycle lifecycle;
    private final Stores stores;
    private final Accounts accounts;

    Lookup(OrderLifecycle lifecycle, Stores stores, Accounts accounts) {
        this.lifecycle = lifecycle;
        this.stores = stores;
        this.accounts = accounts;
    }

    record Hits(List<OrderView> orders, List<Store> stores, List<Account> accounts) {
    }

    /** @param query already stripped; blank finds nothing */
    Hits find(Actor operator, String query) {
        List<OrderView> orders = new ArrayList<>();
        List<Store> storeHits = new ArrayList<>();
        List<Account> accountHits = new ArrayList<>();
        if (!query.isEmpty()) {
            String digits = query.startsWith("#") ? query.substring(1) : query;
            if (digits.matches("[0-9]{1,18}")) {
                long id = Long.parseLong(digits);
                found(() -> lifecycle.order(operator, id)).ifPresent(orders::add);
                found(() -> stores.get(id)).ifPresent(storeHits::add);
                accounts.find(id).ifPresent(accountHits::add);
            }
            if (query.contains("@")) {
                accounts.findByEmail(query).ifPresent(account -> {
                    accountHits.add(account);
                    storeHits.addAll(stores.ownedBy(account.id()));
                });
            }
            if (query.length() >= 2) {
                stores.search(query, STORES_BY_NAME).stream()
                        .filter(s -> storeHits.stream().noneMatch(h -> h.id() == s.id()))
                        .forEach(storeHits::add);
            }
        }
        return new Hits(orders, storeHits, accountHits);
    }

    private static <T> Optional<T> found(Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
