package io.mercato.demo;

import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.instant.DeliveryZone;
import io.mercato.instant.LocalStoreSettings;
import io.mercato.instant.LocalStores;
import io.mercato.instant.Position;
import io.mercato.instant.Riders;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.payment.Escrow;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.time.LocalTime;
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
 * Instant commerce in the demo: the Local demo store gets its place in Hangzhou (by Wulin Square), all-day hours,
 * five minutes of preparation and a 4 km zone; six riders (rider1…rider6@mercato.demo) are enrolled and on line
 * around it; and a neighbour (neighbour@mercato.demo) with a funded wallet, whose orders the rider simulator places.
 * Runs once: skipped when the first rider exists.
 */
@Component
@Order(140)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoInstant implements ApplicationRunner {

    static final Position STORE = new Position(30.2741, 120.1637);
    private static final Logger log = LoggerFactory.getLogger(DemoInstant.class);
    private static final String[] RIDERS = {"Wang Qiang 王强", "Zhao Lei 赵磊", "Liu Yang 刘洋", "Chen Jie 陈杰",
            "Sun Hao 孙浩", "Zhou Min 周敏"};

    private final Accounts accounts;
    private final Stores stores;
    private final LocalStores localStores;
    private final Riders riders;
    private final Escrow escrow;
    private final TransactionTemplate transactions;

    DemoInstant(Accounts accounts, Stores stores, LocalStores localStores, Riders riders, Escrow escrow,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.stores = stores;
        this.localStores = localStores;
        this.riders = riders;
        this.escrow = escrow;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByEmail("rider1@mercato.demo").isPresent()) {
            return;
        }
        Optional<Account> seller = accounts.findByEmail("local@mercato.demo");
        Optional<Account> operator = accounts.operators().stream().findFirst();
        if (seller.isEmpty() || operator.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> seed(seller.get(), new Actor(operator.get().id(), Role.OPERATOR)));
        log.info("Instant demo: riders rider1..rider{}@mercato.demo and neighbour@mercato.demo (password {})",
                RIDERS.length, DemoMarketplace.PASSWORD);
    }

    private void seed(Account seller, Actor operator) {
        Actor sellerActor = new Actor(seller.id(), Role.SELLER);
        for (Store store : stores.ownedBy(seller.id())) {
            if (store.kind() == StoreKind.LOCAL) {
                localStores.configure(sellerActor, store.id(), new LocalStoreSettings(STORE, "Asia/Shanghai",
                        LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 5, DeliveryZone.radius(4_000), 500, 500, 700, 200));
            }
        }
        for (int i = 0; i < RIDERS.length; i++) {
            Account account = accounts.register("rider" + (i + 1) + "@mercato.demo", DemoMarketplace.PASSWORD, RIDERS[i], Role.BUYER);
            Actor rider = new Actor(account.id(), Role.BUYER);
            riders.enrol(operator, account.id(), RIDERS[i], 3);
            double angle = 2 * Math.PI * i / RIDERS.length;
            riders.report(rider, new Position(STORE.lat() + 0.012 * Math.sin(angle), STORE.lng() + 0.014 * Math.cos(angle)));
            riders.goOnline(rider, true);
        }
        Account neighbour = accounts.register("neighbour@mercato.demo", DemoMarketplace.PASSWORD, "Lin Xiao 林晓", Role.BUYER);
        // Two top-ups of ¥40,000 (the simulated provider takes at most ¥50,000 a charge): hours of simulated orders.
        for (int i = 0; i < 2; i++) {
            escrow.topUp(new Actor(neighbour.id(), Role.BUYER), Money.of(4_000_000, "CNY"));
        }
    }
}
