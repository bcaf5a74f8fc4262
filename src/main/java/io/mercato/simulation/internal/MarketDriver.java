package io.mercato.simulation.internal;

import io.mercato.ads.AdCampaigns;
import io.mercato.ads.AdServing;
import io.mercato.ads.CampaignDraft;
import io.mercato.ads.SponsoredAd;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.insights.Activity;
import io.mercato.insights.ActivityKind;
import io.mercato.membership.VipMembership;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.ordering.Address;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk;
import io.mercato.payment.AdAccounts;
import io.mercato.payment.Escrow;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.reviews.Reviews;
import io.mercato.simulation.SimulatedDay;
import io.mercato.simulation.SimulationRun;
import io.mercato.simulation.internal.Market.Fate;
import io.mercato.simulation.internal.Market.Purchase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives the platform for a run, through the modules' public APIs only: opens the market (categories, merchants,
 * stores, products, ad campaigns) and then plays one simulated day at a time, hour by hour, with the platform's clock
 * held at the hour. Within an hour the consumers' purchases and the follow-up steps of earlier orders (pay, ship,
 * deliver, confirm, refund, return, review) and its visits run on {@code parallelism} threads; an hour ends when all
 * its work has, and then writes what it changed in the run's own tables in one transaction ({@link Runs.HourBook}).
 * Every step is safe to repeat: a restarted day places its orders again under the same checkout keys (the platform
 * answers with the orders already placed), an account registered already is found, and a step the platform refuses
 * because it already happened is counted and the order goes on to its next step.
 */
@Component
class MarketDriver {

    private static final Logger log = LoggerFactory.getLogger(MarketDriver.class);
    /** What a new consumer puts in the wallet, and tops up by when it runs short: 20,000 yuan. */
    static final long WALLET_MINOR = 2_000_000L;
    /** The most one card charge may be (the payment provider's limit). */
    static final long MAX_CHARGE_MINOR = 5_000_000L;
    private static final Address[] ADDRESSES = {
            new Address("Wang Fang 王芳", "13800138001", "88 Nanjing Road", null, "Shanghai", null, null, "CN"),
            new Address("Li Na 李娜", "13900139002", "1 Wensan Road", null, "Hangzhou", null, null, "CN"),
            new Address("Zhang Wei 张伟", "13700137003", "16 Zhongguancun Street", null, "Beijing", null, null, "CN"),
            new Address("Chen Jing 陈静", "13600136004", "9 Tianhe Road", null, "Guangzhou", null, null, "CN"),
            new Address("Liu Yang 刘洋", "13500135005", "21 Chunxi Road", null, "Chengdu", null, null, "CN")};
    private static final String[] SURNAMES = {"Wang 王", "Li 李", "Zhang 张", "Liu 刘", "Chen 陈", "Yang 杨", "Zhao 赵",
            "Huang 黄", "Zhou 周", "Wu 吴"};
    private static final String[] SHOP_WORDS = {"Sunrise 朝阳", "Lotus 莲花", "Jade 翡翠", "Harbour 海港", "Bamboo 竹林",
            "Golden 金色", "Peony 牡丹", "Cloud 云端", "River 江畔", "Summit 山顶"};
    private static final String[] GOOD_REVIEWS = {"Exactly as described, fast delivery. 和描述一致，发货很快。",
            "Good value for the price. 性价比很高。", "Second time buying, still happy. 回购了，依然满意。",
            "Well packed, arrived intact. 包装很好，完好无损。"};
    private static final String[] BAD_REVIEWS = {"Not as described, returned it. 与描述不符，已退货。",
            "Poor quality, sent it back. 质量一般，退了。"};

    private final Accounts accounts;
    private final Stores stores;
    private final Catalog catalog;
    private final Checkout checkout;
    private final OrderLifecycle lifecycle;
    private final RefundDesk refundDesk;
    private final Reviews reviews;
    private final VipMembership vip;
    private final Escrow escrow;
    private final AdAccounts adAccounts;
    private final AdCampaigns campaigns;
    private final AdServing adServing;
    private final Runs runs;
    private final TransactionTemplate transactions;
    private final SimulationProperties properties;
    private final Activity activity;

    MarketDriver(Accounts accounts, Stores stores, Catalog catalog, Checkout checkout, OrderLifecycle lifecycle,
            RefundDesk refundDesk, Reviews reviews, VipMembership vip, Escrow escrow, AdAccounts adAccounts,
            AdCampaigns campaigns, AdServing adServing, Runs runs, TransactionTemplate transactions,
            SimulationProperties properties, Activity activity) {
        this.activity = activity;
        this.accounts = accounts;
        this.stores = stores;
        this.catalog = catalog;
        this.checkout = checkout;
        this.lifecycle = lifecycle;
        this.refundDesk = refundDesk;
        this.reviews = reviews;
        this.vip = vip;
        this.escrow = escrow;
        this.adAccounts = adAccounts;
        this.campaigns = campaigns;
        this.adServing = adServing;
        this.runs = runs;
        this.transactions = transactions;
        this.properties = properties;
    }

    ZoneId zone() {
        return properties.zone();
    }

    /** Where simulated time stands at the start of an hour of a day, in the market's time zone. */
    Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone()).toInstant();
    }

    // ---------------------------------------------------------------------------------------------- opening the market

    /** Opens what is missing of the market: categories, then each merchant with its store, products and campaign. */
    void setUp(SimulationRun run, Market market, Actor operator, ExecutorService workers, String passwordHash) {
        Map<String, Long> categories = categories(operator);
        List<Callable<Void>> work = new ArrayList<>();
        Map<Integer, Runs.MerchantRow> existing = runs.merchants(run.id());
        for (int m = 0; m < market.merchants(); m++) {
            int merchant = m;
            if (existing.containsKey(merchant) && runs.skusOf(run.id(), merchant) == Market.PRODUCTS_PER_MERCHANT) {
                continue;
            }
            work.add(() -> {
                openMerchant(run, market, operator, merchant, categories, passwordHash);
                return null;
            });
        }
        runAll(workers, work);
    }

    private Map<String, Long> categories(Actor operator) {
        Map<String, Long> byName = new HashMap<>();
        for (Category category : catalog.categoryTree()) {
            byName.putIfAbsent(category.name(), category.id());
        }
        for (Market.Aisle aisle : Market.AISLES) {
            if (!byName.containsKey(aisle.name())) {
                byName.put(aisle.name(), catalog.createCategory(operator, aisle.name(), null, aisle.commissionBp()).id());
            }
        }
        return byName;
    }

    private void openMerchant(SimulationRun run, Market market, Actor operator, int merchant,
            Map<String, Long> categories, String passwordHash) {
        StoreKind kind = market.kindOf(merchant);
        String shopName = SHOP_WORDS[merchant % SHOP_WORDS.length] + " " + kindWord(kind) + " #" + run.id() + "-"
                + merchant;
        Actor seller;
        Store store;
        if (kind == StoreKind.SUPERMARKET) {
            seller = operator;
            store = stores.ownedBy(operator.accountId()).stream().filter(s -> s.name().equals(shopName)).findFirst()
                    .orElseGet(() -> stores.open(operator, shopName, kind, Runs.CURRENCY, null));
        } else {
            String email = "r" + run.id() + ".m" + merchant + "@sim.mercato.demo";
            Account account = account(email, passwordHash, SURNAMES[merchant % SURNAMES.length] + " " + merchant,
                    Role.SELLER).account();
            seller = new Actor(account.id(), Role.SELLER);
            store = stores.ownedBy(account.id()).stream().findFirst()
                    .orElseGet(() -> stores.open(seller, shopName, kind, Runs.CURRENCY, null));
            if (!store.canSell() && kind == StoreKind.TMALL) {
                store = stores.decideVerification(operator, store.id(), true, "Brand authorisation checked");
            }
        }
        runs.merchant(run.id(), merchant, seller.accountId(), store.id(), kind.name());
        Market.Aisle aisle = market.aisleOf(merchant);
        long categoryId = categories.get(aisle.name());
        List<String> pictures = pictures(categoryId);
        int have = runs.skusOf(run.id(), merchant);
        Product first = null;
        for (int p = have; p < Market.PRODUCTS_PER_MERCHANT; p++) {
            Market.Good good = market.goodOf(merchant, p);
            String english = good.english();
            String chinese = good.chinese();
            long price = market.priceMinor(merchant, p);
            Product product = catalog.createProduct(seller, store.id(), new ProductDraft(
                    english + " S" + (100 + p) + " " + chinese + " · " + shopName,
                    english + " from " + shopName + ". " + chinese + "，七天无理由退货。", categoryId, null, pictures,
                    List.of(new ProductDraft.SkuDraft(null, Map.of("edition", "standard"), price, Runs.CURRENCY, null,
                            5_000_000L))));
            catalog.list(seller, product.id());
            runs.sku(run.id(), merchant, p, product.id(), product.skus().getFirst().id(), price);
            if (p == 0) {
                first = product;
            }
        }
        if (first != null && market.advertises(merchant)) {
            // A sponsored-placement budget of 200 yuan a day on its first product, paid from an ad credit.
            adAccounts.grantCredit(operator, seller.accountId(), Money.of(200_00L * (run.days() + 1), Runs.CURRENCY),
                    "simulated merchant's ad budget");
            campaigns.create(seller, new CampaignDraft(first.id(), null, 200_00L, Runs.CURRENCY, new BigDecimal("3"),
                    null, null));
        }
    }

    /** Pictures of a product already listed in the category (the demo's), so simulated goods are not blank tiles. */
    private List<String> pictures(long categoryId) {
        return catalog.browse(categoryId, null, 0, 1).items().stream().findFirst().map(Product::images)
                .orElse(List.of());
    }

    private static String kindWord(StoreKind kind) {
        return switch (kind) {
            case TMALL -> "Flagship 旗舰店";
            case SUPERMARKET -> "Supermarket 超市";
            case LOCAL -> "Local Market 便利店";
            case GLOBAL -> "Global 全球购";
            default -> "Shop 小店";
        };
    }

    /**
     * The run's one password, hashed once (Argon2id, as the identity module hashes): every simulated account is
     * registered with this hash, the way accounts are imported from another system, instead of hashing a password per
     * account (memory-hard by design, the dearest step of a registration). The password is random and told to nobody:
     * simulated accounts act through the APIs and never log in.
     */
    String passwordHash() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(java.util.HexFormat.of().formatHex(bytes));
    }

    private record Registered(Account account, boolean created) {
    }

    /**
     * The account of a simulated consumer or merchant: registered with the run's password hash, or found when an
     * earlier attempt at this day (or at the market's opening) registered it.
     */
    private Registered account(String email, String passwordHash, String name, Role role) {
        try {
            return new Registered(accounts.importAccount(email, passwordHash, name, role), true);
        } catch (ConflictException taken) {
            return new Registered(accounts.findByEmail(email).orElseThrow(() -> taken), false);
        }
    }

    // ------------------------------------------------------------------------------------------------ one simulated day

    /** What a day's work added up to; the hours add to it from several threads. */
    static final class Tally {
        final AtomicInteger visitors = new AtomicInteger();
        final AtomicInteger orders = new AtomicInteger();
        final AtomicLong gmv = new AtomicLong();
        final AtomicInteger cancelled = new AtomicInteger();
        final AtomicInteger refunds = new AtomicInteger();
        final AtomicInteger reviews = new AtomicInteger();
        final AtomicInteger newBuyers = new AtomicInteger();
        final AtomicInteger vipJoins = new AtomicInteger();
        final AtomicInteger adClicks = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        /** Where the day's time went, summed over the worker threads (for the log). */
        final AtomicLong registerNanos = new AtomicLong();
        final AtomicLong purchaseNanos = new AtomicLong();
        final AtomicLong stepNanos = new AtomicLong();
        final AtomicInteger steps = new AtomicInteger();
        final AtomicLong bookNanos = new AtomicLong();
    }

    /**
     * The run's actors and goods, loaded once when the run starts working from the run's tables; {@code wallets}
     * holds what each consumer's wallet has at least (known since its registration or its last look at the wallet in
     * this process), so a payment needs no look at the wallet first.
     */
    record Cast(SimulationRun run, Market market, Actor operator, Map<Integer, Runs.MerchantRow> merchants,
            long[][] skus, Map<Integer, Long> consumers, Map<String, Long> categories, String passwordHash,
            Map<Integer, Long> wallets) {
    }

    Cast cast(SimulationRun run, Market market, Actor operator, String passwordHash) {
        return new Cast(run, market, operator, runs.merchants(run.id()), runs.skus(run.id(), market.merchants()),
                runs.consumers(run.id()), categories(operator), passwordHash, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * Plays day {@code dayIndex} hour by hour with the clock held at each hour; answers the day's figures, or null
     * when asked to stop before the day was over (the day is then played again from its start on resume).
     */
    @Nullable SimulatedDay day(Cast cast, int dayIndex, SimulationClock clock, ExecutorService workers,
            BooleanSupplier stop) {
        long started = System.nanoTime();
        LocalDate day = cast.run().firstDay().plusDays(dayIndex);
        Market market = cast.market();
        List<List<Purchase>> byHour = new ArrayList<>();
        List<List<Market.Browse>> browsing = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            byHour.add(new ArrayList<>());
            browsing.add(new ArrayList<>());
        }
        for (int c = 0; c < market.consumers(); c++) {
            Purchase purchase = market.purchaseOf(c, dayIndex, day);
            if (purchase != null) {
                byHour.get(purchase.hour()).add(purchase);
            }
            Market.Browse browse = market.browseOf(c, dayIndex, day, purchase);
            if (browse != null) {
                browsing.get(browse.hour()).add(browse);
            }
        }
        Tally tally = new Tally();
        int threads = Math.max(1, cast.run().parallelism());
        for (int hour = 0; hour < 24; hour++) {
            if (stop.getAsBoolean()) {
                return null;
            }
            Instant tick = at(day, hour);
            clock.hold(tick);
            Runs.HourBook book = new Runs.HourBook();
            List<Callable<Void>> work = new ArrayList<>();
            // The purchases first: they are the hour's longest tasks, so the hour does not end waiting for one of them.
            for (Purchase purchase : byHour.get(hour)) {
                work.add(() -> {
                    purchase(cast, purchase, dayIndex, tick, tally, book);
                    return null;
                });
            }
            for (Runs.Placed due : runs.due(cast.run().id(), tick.plus(Duration.ofHours(1)))) {
                work.add(() -> {
                    step(cast, due, tally, book);
                    return null;
                });
            }
            // The hour's visits, in a few slices beside the rest (recording one is a counter in memory).
            List<Market.Browse> visits = browsing.get(hour);
            int slice = Math.max(64, (visits.size() + threads - 1) / threads);
            for (int from = 0; from < visits.size(); from += slice) {
                List<Market.Browse> part = visits.subList(from, Math.min(visits.size(), from + slice));
                work.add(() -> {
                    for (Market.Browse browse : part) {
                        browse(cast, browse);
                    }
                    tally.visitors.addAndGet(part.size());
                    return null;
                });
            }
            runAll(workers, work);
            long written = System.nanoTime();
            if (!book.isEmpty()) {
                transactions.executeWithoutResult(status -> runs.write(cast.run().id(), book));
            }
            tally.bookNanos.addAndGet(System.nanoTime() - written);
        }
        activity.flush();
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        log.info("Simulation {} day {}: {} ms; on the workers: {} registrations {} ms, {} orders {} ms, {} follow-up steps {} ms;"
                + " the run's own tables {} ms", cast.run().id(), dayIndex + 1, wallMs, tally.newBuyers.get(),
                tally.registerNanos.get() / 1_000_000, tally.orders.get(), tally.purchaseNanos.get() / 1_000_000,
                tally.steps.get(), tally.stepNanos.get() / 1_000_000, tally.bookNanos.get() / 1_000_000);
        return new SimulatedDay(dayIndex, day, tally.visitors.get(), tally.orders.get(), tally.gmv.get(),
                tally.cancelled.get(), tally.refunds.get(), tally.reviews.get(), tally.newBuyers.get(),
                tally.vipJoins.get(), tally.adClicks.get(), tally.refused.get(), wallMs);
    }

    /** Tells the insights activity stream what a consumer did on the shop, at the hour the clock is held at. */
    private void browse(Cast cast, Market.Browse browse) {
        String visitor = "sim-" + cast.run().id() + "-" + browse.consumer();
        activity.record(visitor, ActivityKind.VISIT);
        if (browse.searches()) {
            activity.record(visitor, ActivityKind.SEARCH);
        }
        for (int v = 0; v < browse.views(); v++) {
            activity.record(visitor, ActivityKind.VIEW);
        }
        if (browse.cart()) {
            activity.record(visitor, ActivityKind.CART);
        }
    }

    private void purchase(Cast cast, Purchase purchase, int dayIndex, Instant tick, Tally tally, Runs.HourBook book) {
        long runId = cast.run().id();
        long started = System.nanoTime();
        long registering = 0;
        try {
            Actor buyer;
            if (cast.consumers().containsKey(purchase.consumer())) {
                buyer = new Actor(cast.consumers().get(purchase.consumer()), Role.BUYER);
            } else {
                buyer = buyer(cast, purchase.consumer(), tally, book);
                registering = System.nanoTime() - started;
                tally.registerNanos.addAndGet(registering);
            }
            if (purchase.joinsVip() && vip.join(buyer).created()) {
                tally.vipJoins.incrementAndGet();
                cast.wallets().remove(purchase.consumer()); // the term was paid from the wallet: look again before paying
            }
            if (purchase.browsesAds()) {
                browseSponsored(cast, buyer, purchase, dayIndex, tally);
            }
            long sku = cast.skus()[purchase.merchant()][purchase.product()];
            OrderView order = checkout.place(buyer, ADDRESSES[purchase.consumer() % ADDRESSES.length],
                    List.of(new Checkout.Item(sku, purchase.quantity())),
                    "sim-" + runId + "-" + dayIndex + "-" + purchase.consumer()).orders().getFirst();
            SplittableRandom r = cast.market().random(9, dayIndex, purchase.consumer());
            String next;
            Instant nextAt;
            if (purchase.fate() == Fate.ABANDONED) {
                next = "CANCEL";
                nextAt = tick.plus(Duration.ofMinutes(20 + r.nextInt(40)));
            } else {
                if (order.status() == OrderStatus.AWAITING_PAYMENT) {
                    order = pay(cast, purchase.consumer(), buyer, order);
                }
                tally.gmv.addAndGet(order.total().minor());
                next = purchase.fate() == Fate.REFUNDED_BEFORE_SHIPPING ? "REFUND" : "SHIP";
                nextAt = tick.plus(Duration.ofMinutes(next.equals("REFUND") ? 30 + r.nextInt(120) : 240 + r.nextInt(1680)));
            }
            tally.orders.incrementAndGet();
            book.placed.add(new Runs.Placed(order.id(), purchase.consumer(), purchase.merchant(), purchase.product(),
                    dayIndex, purchase.hour(), purchase.quantity(), order.total().minor(), order.total().currencyCode(),
                    purchase.fate().name(), purchase.rating(), next, nextAt));
        } catch (DomainException | org.springframework.dao.DataAccessException refused) {
            refused(tally, "purchase of consumer " + purchase.consumer(), refused);
        } finally {
            tally.purchaseNanos.addAndGet(System.nanoTime() - started - registering);
        }
    }

    /**
     * Pays from the wallet, topping it up first (by card, as a buyer would) when it holds too little. What the wallet
     * holds at least is kept in the cast (a refund only adds to it), so the wallet is looked at only when that is not
     * known (the first payment after a resume, or after an 88VIP term was paid from it) or a payment was refused.
     */
    private OrderView pay(Cast cast, int consumer, Actor buyer, OrderView order) {
        long due = order.total().minor();
        if (!order.total().currencyCode().equals(Runs.CURRENCY)) {
            fund(buyer, order, wallet(buyer, order));
            return lifecycle.pay(buyer, order.id());
        }
        Long known = cast.wallets().get(consumer);
        long has = known != null ? known : wallet(buyer, order);
        has += fund(buyer, order, has);
        OrderView paid;
        try {
            paid = lifecycle.pay(buyer, order.id());
        } catch (ConflictException shortOfMoney) {
            // Held less than thought (a charge this process did not see): look, top up, and try once more.
            cast.wallets().remove(consumer);
            has = wallet(buyer, order);
            has += fund(buyer, order, has);
            paid = lifecycle.pay(buyer, order.id());
        }
        cast.wallets().put(consumer, has - due);
        return paid;
    }

    /** What the buyer's wallet holds in the order's currency. */
    private long wallet(Actor buyer, OrderView order) {
        return escrow.accountsOf(buyer).stream()
                .filter(account -> account.kind() == io.mercato.payment.AccountKind.WALLET
                        && account.balance().currency().equals(order.total().currency()))
                .map(io.mercato.payment.LedgerAccount::balance).findFirst().orElse(Money.zero(order.total().currency()))
                .minor();
    }

    /** Tops the wallet up when it holds less than the order's total; answers by how much. */
    private long fund(Actor buyer, OrderView order, long has) {
        if (has >= order.total().minor()) {
            return 0;
        }
        long amount = Math.min(MAX_CHARGE_MINOR, Math.max(WALLET_MINOR, order.total().minor()));
        escrow.topUp(buyer, Money.of(amount, order.total().currencyCode()));
        return amount;
    }

    /**
     * A consumer's account, registered (with the run's password hash and a funded wallet) on its first purchase; an
     * account an earlier attempt at this day registered is found instead.
     */
    private Actor buyer(Cast cast, int consumer, Tally tally, Runs.HourBook book) {
        String email = "r" + cast.run().id() + ".c" + consumer + "@sim.mercato.demo";
        Registered registered = account(email, cast.passwordHash(), SURNAMES[consumer % SURNAMES.length] + " " + consumer,
                Role.BUYER);
        Actor buyer = new Actor(registered.account().id(), Role.BUYER);
        escrow.topUp(buyer, Money.of(WALLET_MINOR, Runs.CURRENCY));
        // At least this much: a wallet found again may hold more from before.
        cast.wallets().put(consumer, WALLET_MINOR);
        book.consumers.put(consumer, buyer.accountId());
        cast.consumers().put(consumer, buyer.accountId());
        if (registered.created()) {
            tally.newBuyers.incrementAndGet();
        }
        return buyer;
    }

    /**
     * The consumer searches the aisle of what it is about to buy, sees the sponsored tiles among the results and now
     * and then clicks one (the merchant pays); what it buys stays what it had chosen.
     */
    private void browseSponsored(Cast cast, Actor buyer, Purchase purchase, int dayIndex, Tally tally) {
        Long category = cast.categories().get(cast.market().aisleOf(purchase.merchant()).name());
        if (category == null) {
            return;
        }
        // The viewer as the shop names a signed-in buyer ("b" and the account id): the click link is signed for it, and
        // the click desk accepts only viewers of the shop's forms.
        List<SponsoredAd> ads = adServing.forSearch(java.util.Set.of(), java.util.Set.of(category),
                "b" + buyer.accountId());
        if (ads.isEmpty() || cast.market().random(10, dayIndex, purchase.consumer()).nextDouble() >= 0.25) {
            return;
        }
        AdServing.ClickOutcome outcome = adServing.click(link(ads.getFirst().clickUrl()), buyer.accountId());
        if ("CHARGED".equals(outcome.result())) {
            tally.adClicks.incrementAndGet();
        }
    }

    private static AdServing.ClickLink link(String clickUrl) {
        Map<String, String> q = new HashMap<>();
        String query = URI.create(clickUrl).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new AdServing.ClickLink(q.get("a"), q.get("c"), q.get("n"), q.get("m"), q.get("v"), q.get("x"),
                q.get("s"));
    }

    /**
     * One follow-up step of an earlier order, then the step after it and when it falls due. The order goes on to its
     * next step even when the platform refused this one (counted as refused): a step refused because it already
     * happened (an hour played again after a stop) must not end the order's story.
     */
    private void step(Cast cast, Runs.Placed order, Tally tally, Runs.HourBook book) {
        long started = System.nanoTime();
        Long buyerId = cast.consumers().get(order.consumer());
        Runs.MerchantRow merchant = cast.merchants().get(order.merchant());
        Actor buyer = new Actor(buyerId == null ? -1 : buyerId, Role.BUYER);
        Actor seller = merchant.kind().equals(StoreKind.SUPERMARKET.name()) ? cast.operator()
                : new Actor(merchant.accountId(), Role.SELLER);
        SplittableRandom r = cast.market().random(11, order.dayIndex(), order.consumer(), order.nextStep().hashCode());
        Instant now = order.nextAt();
        String step = order.nextStep();
        String next = "DONE";
        Instant nextAt = now;
        switch (step) {
            case "SHIP" -> {
                next = "DELIVER";
                nextAt = now.plus(Duration.ofHours(18 + r.nextInt(54)));
            }
            case "DELIVER" -> {
                next = order.fate().equals(Fate.RETURNED.name()) ? "RETURN" : "CONFIRM";
                nextAt = now.plus(Duration.ofHours(next.equals("RETURN") ? 12 + r.nextInt(60) : 2 + r.nextInt(94)));
            }
            case "CONFIRM" -> {
                if (order.rating() > 0) {
                    next = "REVIEW";
                    nextAt = now.plus(Duration.ofHours(1 + r.nextInt(47)));
                }
            }
            case "RETURN" -> {
                next = "APPROVE";
                nextAt = now.plus(Duration.ofHours(2 + r.nextInt(22)));
            }
            default -> {
            }
        }
        String what = step + " of order " + order.orderId();
        switch (step) {
            case "CANCEL" -> attempt(tally, what, () -> {
                try {
                    lifecycle.cancel(buyer, order.orderId(), "Changed my mind 不想要了");
                } catch (ConflictException notCancellable) {
                    // With the platform's timers on, its payment deadline may have cancelled the unpaid order first.
                    if (lifecycle.order(buyer, order.orderId()).status() != OrderStatus.CANCELLED) {
                        throw notCancellable;
                    }
                }
                tally.cancelled.incrementAndGet();
            });
            case "REFUND" -> attempt(tally, what, () -> {
                refundDesk.request(buyer, order.orderId(), null, "Ordered by mistake 拍错了");
                tally.refunds.incrementAndGet();
            });
            case "SHIP" -> attempt(tally, what, () -> lifecycle.ship(seller, order.orderId(), "SF Express",
                    "SF" + (7_000_000_000L + order.orderId())));
            case "DELIVER" -> attempt(tally, what, () -> lifecycle.markDelivered(seller, order.orderId()));
            case "CONFIRM" -> attempt(tally, what, () -> lifecycle.confirmReceipt(buyer, order.orderId()));
            case "REVIEW" -> attempt(tally, what, () -> review(buyer, order, r, tally));
            case "RETURN" -> {
                if (order.rating() > 0) {
                    attempt(tally, "review of order " + order.orderId(), () -> review(buyer, order, r, tally));
                }
                attempt(tally, what, () -> refundDesk.request(buyer, order.orderId(), null, "Not as described 与描述不符"));
            }
            case "APPROVE" -> attempt(tally, what, () -> {
                OrderView view = lifecycle.order(seller, order.orderId());
                Optional<Refund> pending = view.refunds().stream()
                        .filter(refund -> refund.status() == Refund.RefundStatus.REQUESTED).findFirst();
                if (pending.isPresent()) {
                    refundDesk.approve(seller, pending.get().id(), "Return accepted 同意退货");
                    tally.refunds.incrementAndGet();
                }
            });
            default -> {
            }
        }
        book.next.add(new Runs.Next(order.orderId(), next, nextAt));
        tally.steps.incrementAndGet();
        tally.stepNanos.addAndGet(System.nanoTime() - started);
    }

    /** Does what the platform may refuse; a refusal is counted, not thrown. */
    private static void attempt(Tally tally, String what, Runnable action) {
        try {
            action.run();
        } catch (DomainException | org.springframework.dao.DataAccessException refused) {
            refused(tally, what, refused);
        }
    }

    private void review(Actor buyer, Runs.Placed order, SplittableRandom r, Tally tally) {
        OrderView view = lifecycle.order(buyer, order.orderId());
        String[] texts = order.rating() <= 2 ? BAD_REVIEWS : GOOD_REVIEWS;
        reviews.post(buyer, order.orderId(), view.lines().getFirst().id(), order.rating(), texts[r.nextInt(texts.length)]);
        tally.reviews.incrementAndGet();
    }

    private static void refused(Tally tally, String what, RuntimeException refused) {
        int count = tally.refused.incrementAndGet();
        if (refused instanceof DomainException) {
            // The first few of a day tell what went wrong; a market where many are refused says so in the day's figures.
            if (count <= 3) {
                log.info("The platform refused the simulated {}: {}", what, refused.toString());
            }
        } else {
            log.warn("The simulated {} failed: {}", what, refused.toString());
        }
    }

    static void runAll(ExecutorService workers, List<Callable<Void>> work) {
        if (work.isEmpty()) {
            return;
        }
        try {
            List<Future<Void>> done = workers.invokeAll(work);
            for (Future<Void> future : done) {
                future.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the simulated hour was being played", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        }
    }
}
