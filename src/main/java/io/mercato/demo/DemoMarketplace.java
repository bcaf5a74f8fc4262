package io.mercato.demo;

import io.mercato.ads.AdCampaigns;
import io.mercato.ads.CampaignDraft;
import java.math.BigDecimal;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.media.ImageSize;
import io.mercato.media.Images;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.payment.AdAccounts;
import io.mercato.payment.Escrow;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start, seeds merchants of every store kind, a category tree with commissions, 240 products with
 * SKUs and stock, and two buyers with funded wallets, then prints the demo logins. The seed runs in one
 * transaction and is skipped when its accounts exist, so restarts neither duplicate nor half-seed it.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoMarketplace implements ApplicationRunner {

    static final String PASSWORD = "mercato-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoMarketplace.class);
    private static final int PRODUCTS_PER_CATEGORY = 20;

    private final Accounts accounts;
    private final Stores stores;
    private final Catalog catalog;
    private final Escrow escrow;
    private final TransactionTemplate transactions;
    private final AdAccounts adAccounts;
    private final AdCampaigns campaigns;
    private final Images images;
    private final Map<String, String> drawn = new java.util.HashMap<>();
    /** Colourways drawn per product type: a product shows both, its own first. */
    private static final int WAYS = 2;

    DemoMarketplace(Accounts accounts, Stores stores, Catalog catalog, Escrow escrow, TransactionTemplate transactions,
            AdAccounts adAccounts, AdCampaigns campaigns, Images images) {
        this.images = images;
        this.adAccounts = adAccounts;
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.stores = stores;
        this.catalog = catalog;
        this.escrow = escrow;
        this.transactions = transactions;
    }

    /** Demo sellers: login, display name, store name, kind. */
    private record DemoSeller(String email, String name, String storeName, StoreKind kind) {
    }

    private static final List<DemoSeller> SELLERS = List.of(
            new DemoSeller("taobao@mercato.demo", "Xiao Li", "Xiao Li's Corner 小李杂货铺", StoreKind.TAOBAO),
            new DemoSeller("tmall@mercato.demo", "Lumen Brand Ltd", "Lumen Official Flagship Store 官方旗舰店", StoreKind.TMALL),
            new DemoSeller("local@mercato.demo", "West Lake Fresh", "West Lake Fresh Market 西湖鲜超市", StoreKind.LOCAL),
            new DemoSeller("global@mercato.demo", "Harbour Imports", "Harbour Global Imports 海港全球购", StoreKind.GLOBAL),
            new DemoSeller("wholesale@mercato.demo", "Yiwu Supply Co", "Yiwu Small Goods Wholesale 义乌小商品批发", StoreKind.WHOLESALE),
            new DemoSeller("pending@mercato.demo", "Orchid Cosmetics", "Orchid Cosmetics Flagship 兰花美妆旗舰店", StoreKind.TMALL));

    /** A category and the goods it holds: English and Chinese nouns, the variant axis and a price range in yuan. */
    private record Aisle(String name, int commissionBp, List<String> nouns, List<String> brands, String axis,
            List<String> values, int minYuan, int maxYuan) {
    }

    private static final List<Aisle> AISLES = List.of(
            new Aisle("Phones & Accessories 手机数码", 200, List.of("Smartphone 智能手机", "Phone Case 手机壳", "Power Bank 充电宝",
                    "Wireless Earbuds 无线耳机", "Fast Charger 快充充电器"), List.of("Lumen", "Xiaomi", "Huawei", "Anker"),
                    "colour", List.of("black", "white", "blue"), 29, 4999),
            new Aisle("Women's Clothing 女装", 500, List.of("Silk Dress 真丝连衣裙", "Knit Cardigan 针织开衫", "Down Jacket 羽绒服",
                    "Linen Shirt 亚麻衬衫"), List.of("Uniqlo", "Lumen", "Peacebird"), "size", List.of("S", "M", "L", "XL"), 89, 1299),
            new Aisle("Men's Clothing 男装", 500, List.of("Cotton T-Shirt 纯棉T恤", "Chino Trousers 休闲裤", "Wool Coat 羊毛大衣",
                    "Hoodie 连帽卫衣"), List.of("Uniqlo", "Li-Ning", "Jack Jones"), "size", List.of("M", "L", "XL", "XXL"), 59, 1599),
            new Aisle("Shoes 鞋靴", 500, List.of("Running Shoes 跑步鞋", "Canvas Sneakers 帆布鞋", "Leather Boots 皮靴"),
                    List.of("Li-Ning", "Anta", "Nike"), "size", List.of("39", "40", "41", "42", "43"), 129, 1399),
            new Aisle("Beauty 美妆", 400, List.of("Moisturising Cream 保湿面霜", "Lipstick 口红", "Sunscreen SPF50 防晒霜",
                    "Face Mask Set 面膜套装"), List.of("Orchid", "L'Oreal", "Perfect Diary"), "size", List.of("30ml", "50ml", "100ml"), 39, 899),
            new Aisle("Home & Living 家居", 300, List.of("Bamboo Bed Sheets 竹纤维床单", "Ceramic Mug 陶瓷马克杯", "Storage Box 收纳箱",
                    "Desk Lamp 台灯"), List.of("Muji", "Lumen", "Nitori"), "colour", List.of("white", "grey", "green"), 19, 699),
            new Aisle("Food & Grocery 食品生鲜", 200, List.of("Longjing Green Tea 龙井绿茶", "Mixed Nuts 每日坚果", "Jasmine Rice 茉莉香米",
                    "Fresh Strawberries 新鲜草莓", "Dark Chocolate 黑巧克力"), List.of("Three Squirrels", "Wuyutai", "Hema"),
                    "weight", List.of("250g", "500g", "1kg"), 9, 399),
            new Aisle("Baby & Kids 母婴", 300, List.of("Baby Formula 婴儿奶粉", "Diapers 纸尿裤", "Building Blocks 积木玩具"),
                    List.of("Aptamil", "Pampers", "Lego"), "size", List.of("S", "M", "L"), 49, 899),
            new Aisle("Sports & Outdoors 运动户外", 400, List.of("Yoga Mat 瑜伽垫", "Camping Tent 露营帐篷", "Badminton Racket 羽毛球拍",
                    "Cycling Helmet 骑行头盔"), List.of("Decathlon", "Li-Ning", "Yonex"), "colour", List.of("red", "black", "blue"), 39, 1999),
            new Aisle("Computers & Office 电脑办公", 200, List.of("Mechanical Keyboard 机械键盘", "Wireless Mouse 无线鼠标",
                    "27-inch Monitor 27英寸显示器", "Laptop Stand 笔记本支架"), List.of("Lenovo", "Logitech", "Lumen"),
                    "colour", List.of("black", "white"), 49, 2999),
            new Aisle("Home Appliances 家电", 200, List.of("Air Fryer 空气炸锅", "Robot Vacuum 扫地机器人", "Rice Cooker 电饭煲",
                    "Electric Kettle 电热水壶"), List.of("Midea", "Haier", "Xiaomi"), "colour", List.of("white", "black"), 99, 3999),
            new Aisle("Books 图书", 100, List.of("Novel 小说", "Cookbook 菜谱", "Chinese Textbook 中文课本"),
                    List.of("CITIC Press", "People's Literature"), "edition", List.of("paperback", "hardcover"), 19, 149));

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByEmail(SELLERS.getFirst().email()).isEmpty()) {
            long started = System.nanoTime();
            drawPictures();
            int products = transactions.execute(status -> seed());
            log.info("Seeded the demo marketplace: {} products in {} categories, {} stores ({} ms)", products,
                    AISLES.size(), SELLERS.size() + 1, (System.nanoTime() - started) / 1_000_000);
        }
        printLogins();
    }

    private int seed() {
        Account operatorAccount = accounts.operators().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No operator account is configured; set mercato.identity.operators"));
        Actor operator = new Actor(operatorAccount.id(), Role.OPERATOR);

        Map<Aisle, Long> categories = new LinkedHashMap<>();
        for (Aisle aisle : AISLES) {
            categories.put(aisle, catalog.createCategory(operator, aisle.name(), null, aisle.commissionBp()).id());
        }
        Category phones = catalog.categoryTree().getFirst();
        catalog.createCategory(operator, "Phone Cases 手机壳", phones.id(), 200);

        Map<String, Long> brands = new LinkedHashMap<>();
        AISLES.stream().flatMap(aisle -> aisle.brands().stream()).distinct()
                .forEach(brand -> brands.put(brand, catalog.createBrand(operator, brand).id()));

        List<StoreAndActor> shops = new ArrayList<>();
        Store supermarket = stores.open(operator, "Mercato Supermarket 猫超", StoreKind.SUPERMARKET, "CNY", null);
        shops.add(new StoreAndActor(supermarket, operator));
        for (DemoSeller demo : SELLERS) {
            Account seller = accounts.register(demo.email(), PASSWORD, demo.name(), Role.SELLER);
            Actor actor = new Actor(seller.id(), Role.SELLER);
            Store store = stores.open(actor, demo.storeName(), demo.kind(), "CNY", null);
            if (demo.kind() == StoreKind.TMALL && !demo.email().startsWith("pending")) {
                store = stores.decideVerification(operator, store.id(), true, "Brand authorisation letter checked");
            }
            if (store.canSell()) {
                shops.add(new StoreAndActor(store, actor));
            }
        }

        Random random = new Random(20261111);
        int created = 0;
        Map<Actor, List<Product>> advertised = new LinkedHashMap<>();
        for (Aisle aisle : AISLES) {
            for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
                StoreAndActor shop = shops.get(created % shops.size());
                String noun = aisle.nouns().get(i % aisle.nouns().size());
                String brand = aisle.brands().get(random.nextInt(aisle.brands().size()));
                String english = noun.substring(0, noun.lastIndexOf(' '));
                String chinese = noun.substring(noun.lastIndexOf(' ') + 1);
                String series = String.valueOf((char) ('A' + i % 26)) + (100 + random.nextInt(900));
                int[] range = PRICE_RANGES.getOrDefault(english, new int[] {aisle.minYuan(), aisle.maxYuan()});
                long basePrice = (range[0] + random.nextInt(range[1] - range[0] + 1)) * 100L - 1;
                List<SkuDraft> skus = new ArrayList<>();
                int variants = 1 + random.nextInt(aisle.values().size());
                for (int v = 0; v < variants; v++) {
                    skus.add(new SkuDraft(null, Map.of(aisle.axis(), aisle.values().get(v)), basePrice + v * 500L, "CNY",
                            String.format("69%011d", 1_000_000L * created + v * 1000L + i), 20L + random.nextInt(480)));
                }
                Product product = catalog.createProduct(shop.actor(), shop.store().id(), new ProductDraft(
                        brand + " " + english + " " + series + " " + brand + chinese,
                        brand + " " + english.toLowerCase() + ", series " + series + ". " + chinese + "，正品保障，七天无理由退货。",
                        categories.get(aisle), brands.get(brand),
                        pictures(shop.actor(), english, created), skus));
                catalog.list(shop.actor(), product.id());
                if (shop.actor().is(Role.SELLER) && i < 3) {
                    advertised.computeIfAbsent(shop.actor(), a -> new ArrayList<>()).add(product);
                }
                created++;
            }
        }

        // A few sellers advertise: a funded ad account (a platform ad credit) and a campaign per product, so the shop's
        // search results and home feed show sponsored tiles from the first start.
        int advertisers = 0;
        for (Map.Entry<Actor, List<Product>> seller : advertised.entrySet()) {
            if (advertisers++ == 3) {
                break;
            }
            adAccounts.grantCredit(operator, seller.getKey().accountId(), Money.of(100_000, "CNY"), "new-merchant ad voucher");
            for (Product product : seller.getValue()) {
                campaigns.create(seller.getKey(), new CampaignDraft(product.id(), null, 20_000L, "CNY",
                        new BigDecimal(advertisers == 1 ? "3" : "4"), null, null));
            }
        }

        for (String buyer : List.of("buyer@mercato.demo", "buyer2@mercato.demo")) {
            Account account = accounts.register(buyer, PASSWORD, buyer.startsWith("buyer2") ? "Han Meimei" : "Li Lei", Role.BUYER);
            escrow.topUp(new Actor(account.id(), Role.BUYER), Money.of(2_000_000, "CNY"));
        }
        return created;
    }

    /**
     * A product's gallery: its type drawn in two colourways, uploaded like a seller's pictures (the same drawing is
     * one stored image however many products show it).
     */
    private List<String> pictures(Actor seller, String noun, int index) {
        List<String> urls = new ArrayList<>();
        for (int view = 0; view < WAYS; view++) {
            int way = (index + view) % WAYS;
            urls.add(drawn.computeIfAbsent(noun + "#" + way,
                    key -> images.upload(seller, ProductPictures.jpeg(noun, way)).url(ImageSize.MEDIUM)));
        }
        return urls;
    }

    /**
     * Draws and stores every product type's pictures before the seeding transaction, on all cores: uploads are
     * idempotent (an image is named by its bytes), so the seed then only looks them up.
     */
    private void drawPictures() {
        List<String> nouns = AISLES.stream().flatMap(aisle -> aisle.nouns().stream())
                .map(noun -> noun.substring(0, noun.lastIndexOf(' '))).distinct().toList();
        Map<String, String> urls = new java.util.concurrent.ConcurrentHashMap<>();
        nouns.parallelStream().forEach(noun -> {
            for (int way = 0; way < WAYS; way++) {
                urls.put(noun + "#" + way, images.upload(Actor.SYSTEM, ProductPictures.jpeg(noun, way)).url(ImageSize.MEDIUM));
            }
        });
        drawn.putAll(urls);
    }

    /** Yuan a product type sells for (low, high), so that no phone case costs what a phone does. */
    private static final Map<String, int[]> PRICE_RANGES = Map.ofEntries(
            Map.entry("Smartphone", new int[] {999, 5999}), Map.entry("Phone Case", new int[] {19, 79}),
            Map.entry("Power Bank", new int[] {79, 299}), Map.entry("Wireless Earbuds", new int[] {129, 1299}),
            Map.entry("Fast Charger", new int[] {39, 199}), Map.entry("Silk Dress", new int[] {399, 1299}),
            Map.entry("Knit Cardigan", new int[] {129, 499}), Map.entry("Down Jacket", new int[] {399, 1499}),
            Map.entry("Linen Shirt", new int[] {99, 399}), Map.entry("Cotton T-Shirt", new int[] {39, 129}),
            Map.entry("Chino Trousers", new int[] {99, 399}), Map.entry("Wool Coat", new int[] {599, 1999}),
            Map.entry("Hoodie", new int[] {99, 399}), Map.entry("Running Shoes", new int[] {299, 1099}),
            Map.entry("Canvas Sneakers", new int[] {129, 399}), Map.entry("Leather Boots", new int[] {399, 1399}),
            Map.entry("Moisturising Cream", new int[] {89, 899}), Map.entry("Lipstick", new int[] {79, 399}),
            Map.entry("Sunscreen SPF50", new int[] {59, 299}), Map.entry("Face Mask Set", new int[] {49, 299}),
            Map.entry("Bamboo Bed Sheets", new int[] {129, 599}), Map.entry("Ceramic Mug", new int[] {19, 89}),
            Map.entry("Storage Box", new int[] {19, 99}), Map.entry("Desk Lamp", new int[] {79, 399}),
            Map.entry("Longjing Green Tea", new int[] {69, 599}), Map.entry("Mixed Nuts", new int[] {39, 129}),
            Map.entry("Jasmine Rice", new int[] {29, 99}), Map.entry("Fresh Strawberries", new int[] {29, 99}),
            Map.entry("Dark Chocolate", new int[] {19, 89}), Map.entry("Baby Formula", new int[] {199, 499}),
            Map.entry("Diapers", new int[] {79, 229}), Map.entry("Building Blocks", new int[] {99, 899}),
            Map.entry("Yoga Mat", new int[] {49, 299}), Map.entry("Camping Tent", new int[] {299, 1999}),
            Map.entry("Badminton Racket", new int[] {99, 899}), Map.entry("Cycling Helmet", new int[] {129, 699}),
            Map.entry("Mechanical Keyboard", new int[] {199, 999}), Map.entry("Wireless Mouse", new int[] {49, 399}),
            Map.entry("27-inch Monitor", new int[] {999, 2999}), Map.entry("Laptop Stand", new int[] {59, 299}),
            Map.entry("Air Fryer", new int[] {199, 699}), Map.entry("Robot Vacuum", new int[] {999, 3999}),
            Map.entry("Rice Cooker", new int[] {149, 899}), Map.entry("Electric Kettle", new int[] {79, 299}),
            Map.entry("Novel", new int[] {19, 79}), Map.entry("Cookbook", new int[] {39, 129}),
            Map.entry("Chinese Textbook", new int[] {29, 149}));

    private void printLogins() {
        log.info("""

                ============================ Mercato demo logins ============================
                  Buyer (wallet funded):   buyer@mercato.demo         / {}
                  Second buyer:            buyer2@mercato.demo        / {}
                  Taobao seller:           taobao@mercato.demo        / {}
                  Tmall seller (verified): tmall@mercato.demo         / {}
                  Local, Global, Wholesale sellers: local@, global@, wholesale@mercato.demo / {}
                  Tmall seller awaiting verification: pending@mercato.demo / {}
                  Operator:                the account in mercato.identity.operators (default operator@mercato.demo)
                  Pages:                   /  (shop)   /seller  (seller centre)   /ops  (operations console)
                  API docs:                /swagger-ui.html
                =============================================================================""",
                PASSWORD, PASSWORD, PASSWORD, PASSWORD, PASSWORD, PASSWORD);
    }

    private record StoreAndActor(Store store, Actor actor) {
    }
}
