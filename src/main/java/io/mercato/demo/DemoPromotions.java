package io.mercato.demo;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.Festivals.NewFestival;
import io.mercato.pricing.Funder;
import io.mercato.pricing.Presales;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Promotions.NewSkuPromotion;
import io.mercato.pricing.Promotions.NewThreshold;
import io.mercato.pricing.Vouchers;
import io.mercato.pricing.Vouchers.NewPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * After the demo trades (which keep their list prices): promotions a newcomer can see and use at once — the "Double
 * 12" festival three days ahead with its presale open, enrolled SKUs, a festival voucher pool and a festival-wide
 * threshold discount; a store coupon and a limited-time discount from the Taobao demo store, a flash-sale price and
 * member prices from the Tmall one; a subsidised price and a welcome voucher from the platform. Runs once: skipped
 * when the Double 12 festival exists.
 */
@Component
@Order(130)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoPromotions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPromotions.class);
    static final String FESTIVAL = "Double 12";

    private final Accounts accounts;
    private final Stores stores;
    private final Catalog catalog;
    private final Festivals festivals;
    private final Presales presales;
    private final Promotions promotions;
    private final Vouchers vouchers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoPromotions(Accounts accounts, Stores stores, Catalog catalog, Festivals festivals, Presales presales,
            Promotions promotions, Vouchers vouchers, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.stores = stores;
        this.catalog = catalog;
        this.festivals = festivals;
        this.presales = presales;
        this.promotions = promotions;
        this.vouchers = vouchers;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Account> operatorAccount = accounts.operators().stream().findFirst();
        Optional<Account> taobao = accounts.findByEmail("taobao@mercato.demo");
        Optional<Account> tmall = accounts.findByEmail("tmall@mercato.demo");
        if (operatorAccount.isEmpty() || taobao.isEmpty() || tmall.isEmpty()) {
            return;
        }
        Actor operator = new Actor(operatorAccount.get().id(), Role.OPERATOR);
        if (festivals.all(operator).stream().anyMatch(festival -> festival.nameEn().equals(FESTIVAL))) {
            return;
        }
        transactions.executeWithoutResult(status -> seed(operator, new Actor(taobao.get().id(), Role.SELLER),
                new Actor(tmall.get().id(), Role.SELLER)));
        log.info("Demo promotions: the Double 12 festival (presale open), store coupons, flash-sale, limited-time,"
                + " member and subsidised prices, a welcome voucher");
    }

    private void seed(Actor operator, Actor taobaoSeller, Actor tmallSeller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant starts = now.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Instant ends = starts.plus(Duration.ofDays(4));
        Store taobaoStore = stores.ownedBy(taobaoSeller.accountId()).getFirst();
        Store tmallStore = stores.ownedBy(tmallSeller.accountId()).getFirst();
        List<Sku> taobaoSkus = skusOf(taobaoStore.id());
        List<Sku> tmallSkus = skusOf(tmallStore.id());
        if (taobaoSkus.size() < 4 || tmallSkus.size() < 4) {
            return;
        }

        var festival = festivals.create(operator, new NewFestival(Festivals.Kind.SHOPPING_FESTIVAL, FESTIVAL,
                "双十二", starts, ends, now.minus(Duration.ofHours(1)), starts, starts, starts.plus(Duration.ofDays(1))));
        for (Store store : List.of(taobaoStore, tmallStore)) {
            festivals.addStore(operator, festival.id(), store.id());
        }
        for (int i = 0; i < 3; i++) {
            festivals.enrol(taobaoSeller, festival.id(), taobaoSkus.get(i).id());
            festivals.enrol(tmallSeller, festival.id(), tmallSkus.get(i).id());
        }
        festivals.addPool(operator, festival.id(), new NewPool("Double 12 voucher 双十二平台券", Funder.PLATFORM, null,
                festival.id(), Money.of(2_000, "CNY"), Money.of(19_900, "CNY"), 10_000, 2, now, ends, now, ends, false,
                false));
        promotions.createThreshold(operator, new NewThreshold("Double 12: ¥30 off every ¥300 双十二每满300减30",
                Money.of(30_000, "CNY"), Money.of(3_000, "CNY"), Money.of(30_000, "CNY"), festival.id(), starts, ends));
        presales.create(tmallSeller, festival.id(), new Presales.NewOffer(tmallSkus.get(0).id(),
                Math.max(100, tmallSkus.get(0).price().minor() / 10), Math.max(200, tmallSkus.get(0).price().minor() / 5),
                2, Presales.UnpaidRule.FORFEIT));

        Instant inAMonth = now.plus(Duration.ofDays(30));
        vouchers.createPool(taobaoSeller, new NewPool("Store coupon 店铺券 ¥10 off ¥99", Funder.MERCHANT,
                taobaoStore.id(), null, Money.of(1_000, "CNY"), Money.of(9_900, "CNY"), 5_000, 1, now, inAMonth, now,
                inAMonth, false, false));
        vouchers.createPool(operator, new NewPool("Welcome voucher 新人券 ¥5 off ¥50", Funder.PLATFORM, null, null,
                Money.of(500, "CNY"), Money.of(5_000, "CNY"), 100_000, 1, now, inAMonth, now, inAMonth, false, false));
        promotions.create(taobaoSeller, new NewSkuPromotion(AdjustmentKind.LIMITED_TIME, "Week deal 限时折扣",
                taobaoSkus.get(3).id(), null, 1_500, now, now.plus(Duration.ofDays(7))));
        promotions.create(tmallSeller, new NewSkuPromotion(AdjustmentKind.FLASH_SALE, "Flash sale 秒杀",
                tmallSkus.get(3).id(), new Money(tmallSkus.get(3).price().minor() * 7 / 10, tmallSkus.get(3).price().currency()),
                null, now, now.plus(Duration.ofDays(2))));
        for (int i = 1; i < 3; i++) {
            promotions.create(tmallSeller, new NewSkuPromotion(AdjustmentKind.MEMBER_PRICE, "88VIP price 88VIP价",
                    tmallSkus.get(i).id(), null, 500, now, inAMonth));
        }
        Sku subsidised = taobaoSkus.get(taobaoSkus.size() - 1);
        promotions.create(operator, new NewSkuPromotion(AdjustmentKind.SUBSIDY, "10 Billion Subsidy 百亿补贴",
                subsidised.id(), new Money(subsidised.price().minor() * 7 / 10, subsidised.price().currency()), null, now,
                inAMonth));
    }

    /** The first SKU of each of the store's listed products, in product order. */
    private List<Sku> skusOf(long storeId) {
        List<Sku> skus = new java.util.ArrayList<>();
        long after = 0;
        List<Product> page;
        do {
            page = catalog.listedAfter(after, 500);
            page.stream().filter(product -> product.storeId() == storeId && !product.skus().isEmpty())
                    .forEach(product -> skus.add(product.skus().getFirst()));
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == 500);
        return skus;
    }
}
