package io.mercato.simulation.internal;

import io.mercato.merchant.StoreKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated market as a pure function of the seed: who each consumer and merchant is, what each merchant sells
 * at what price, and how much the market buys on a given day and hour. Nothing here touches the platform, so the
 * same seed always yields the same market, whatever ran before and however the work is spread over threads: every
 * draw comes from a generator seeded by the run's seed and the coordinates of what it decides (day, consumer, ...).
 */
final class Market {

    /** Consumer segments: their share of the market, their purchase rate per day, and how they pick a product. */
    enum Segment {
        PRICE_SENSITIVE(0.55, 0.015, 0.15, 0.06),
        MAINSTREAM(0.35, 0.025, 0.25, 0.04),
        /** The highest spenders: they buy the dearer goods, more often, and join 88VIP. */
        HIGH_SPENDER(0.10, 0.06, 0.40, 0.03);

        final double share;
        final double ratePerDay;
        final double reviewRate;
        final double returnRate;

        Segment(double share, double ratePerDay, double reviewRate, double returnRate) {
            this.share = share;
            this.ratePerDay = ratePerDay;
            this.reviewRate = reviewRate;
            this.returnRate = returnRate;
        }
    }

    /** What an order's buyer does after placing it. */
    enum Fate {
        /** Never pays; cancels an hour later. */
        ABANDONED,
        /** Pays, then asks for the money back before it ships. */
        REFUNDED_BEFORE_SHIPPING,
        /** Pays, receives, returns it within the window; the seller approves. */
        RETURNED,
        /** Pays, receives, confirms receipt. */
        KEPT
    }

    /** A category the market sells in: its name (as the demo names it), commission, and the goods it holds. */
    record Aisle(String name, int commissionBp, List<Good> goods) {
    }

    /** A kind of good, in English and Chinese, and the range its price falls in, in yuan. */
    record Good(String english, String chinese, int minYuan, int maxYuan) {
    }

    static final List<Aisle> AISLES = List.of(
            new Aisle("Phones & Accessories 手机数码", 200, List.of(new Good("Phone Case", "手机壳", 19, 79),
                    new Good("Power Bank", "充电宝", 79, 299), new Good("Wireless Earbuds", "无线耳机", 129, 1299),
                    new Good("Smartphone", "智能手机", 999, 5999))),
            new Aisle("Women's Clothing 女装", 500, List.of(new Good("Silk Dress", "真丝连衣裙", 399, 1299),
                    new Good("Knit Cardigan", "针织开衫", 129, 499), new Good("Linen Shirt", "亚麻衬衫", 99, 399))),
            new Aisle("Beauty 美妆", 400, List.of(new Good("Lipstick", "口红", 79, 399),
                    new Good("Sunscreen SPF50", "防晒霜", 59, 299), new Good("Face Mask Set", "面膜套装", 49, 299))),
            new Aisle("Home & Living 家居", 300, List.of(new Good("Ceramic Mug", "陶瓷马克杯", 19, 89),
                    new Good("Storage Box", "收纳箱", 19, 99), new Good("Desk Lamp", "台灯", 79, 399))),
            new Aisle("Food & Grocery 食品生鲜", 200, List.of(new Good("Mixed Nuts", "每日坚果", 39, 129),
                    new Good("Jasmine Rice", "茉莉香米", 29, 99), new Good("Longjing Green Tea", "龙井绿茶", 69, 599))),
            new Aisle("Sports & Outdoors 运动户外", 400, List.of(new Good("Yoga Mat", "瑜伽垫", 49, 299),
                    new Good("Badminton Racket", "羽毛球拍", 99, 899), new Good("Camping Tent", "露营帐篷", 299, 1999))));

    static final int PRODUCTS_PER_MERCHANT = 6;

    /** Share of shopping in each hour of the day (China time): a late-morning bump and an evening peak. */
    private static final double[] HOURS = {
            2.0, 1.0, 0.5, 0.3, 0.2, 0.3, 0.8, 1.8, 3.0, 4.2, 5.2, 5.6, 5.0, 4.6, 4.5, 4.6, 4.6, 4.6, 4.8, 5.6, 7.0,
            8.0, 7.6, 4.6};
    /** Festival days open at midnight: the first hour takes a tenth of the day. */
    private static final double[] FESTIVAL_HOURS;

    static {
        FESTIVAL_HOURS = HOURS.clone();
        FESTIVAL_HOURS[0] = 11.0;
        FESTIVAL_HOURS[1] = 4.0;
    }

    private static final double[] WEEKDAY = {0.95, 0.92, 0.95, 1.0, 1.06, 1.16, 1.12};

    private final long seed;
    private final int consumers;
    private final int merchants;
    private final int days;
    private final double intensity;
    private final double[] merchantCumulative;

    Market(long seed, int consumers, int merchants, int days, double intensity) {
        this.seed = seed;
        this.intensity = intensity;
        this.days = days;
        this.consumers = consumers;
        this.merchants = merchants;
        // Popularity falls with rank (Zipf, exponent 0.8): a few stores take much of the trade, as on a real market.
        merchantCumulative = new double[merchants];
        double total = 0;
        for (int m = 0; m < merchants; m++) {
            total += 1.0 / Math.pow(1 + rankOf(m), 0.8);
            merchantCumulative[m] = total;
        }
        for (int m = 0; m < merchants; m++) {
            merchantCumulative[m] /= total;
        }
    }

    int consumers() {
        return consumers;
    }

    int merchants() {
        return merchants;
    }

    /** A generator for one decision, seeded by the run's seed and the decision's coordinates. */
    SplittableRandom random(long... coordinates) {
        long h = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (long c : coordinates) {
            h = mix(h ^ (c + 0x9E3779B97F4A7C15L));
        }
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // Decision kinds, the first coordinate of every draw.
    private static final long SEGMENT = 1, ACTIVITY = 2, JOINS = 3, KIND = 4, RANK = 5, AISLE = 6, PRICE = 7,
            PURCHASE = 8, BROWSE = 12;

    Segment segmentOf(int consumer) {
        double u = random(SEGMENT, consumer).nextDouble();
        return u < Segment.PRICE_SENSITIVE.share ? Segment.PRICE_SENSITIVE
                : u < Segment.PRICE_SENSITIVE.share + Segment.MAINSTREAM.share ? Segment.MAINSTREAM
                : Segment.HIGH_SPENDER;
    }

    /** How much more or less than its segment a consumer shops (0.3 to 1.7). */
    double activityOf(int consumer) {
        return 0.3 + 1.4 * random(ACTIVITY, consumer).nextDouble();
    }

    /** The simulated day a consumer first comes to the market: 60 % are there from the start, the rest arrive over the run. */
    int arrivalOf(int consumer) {
        SplittableRandom r = random(JOINS, consumer);
        return r.nextDouble() < 0.6 ? 0 : r.nextInt(days);
    }

    /** Merchant 0 is the platform's own Supermarket; the rest are Taobao, Tmall, Local and Global stores. */
    StoreKind kindOf(int merchant) {
        if (merchant == 0) {
            return StoreKind.SUPERMARKET;
        }
        double u = random(KIND, merchant).nextDouble();
        return u < 0.55 ? StoreKind.TAOBAO : u < 0.75 ? StoreKind.TMALL : u < 0.88 ? StoreKind.LOCAL : StoreKind.GLOBAL;
    }

    /** Whether a merchant buys sponsored placements: most Tmall stores, a third of the rest. */
    boolean advertises(int merchant) {
        double u = random(KIND, merchant, 1).nextDouble();
        return merchant > 0 && u < (kindOf(merchant) == StoreKind.TMALL ? 0.7 : 0.3);
    }

    private int rankOf(int merchant) {
        // A stable shuffle of the merchants' ranks: merchant 0 (the Supermarket) is always among the popular.
        return merchant == 0 ? 1 : (int) Math.floorMod(random(RANK, merchant).nextLong(), (long) merchants);
    }

    Aisle aisleOf(int merchant) {
        return AISLES.get(random(AISLE, merchant).nextInt(AISLES.size()));
    }

    /** A product's price in fen, a whole yuan less a fen (198.99 style); Tmall a little dearer. */
    long priceMinor(int merchant, int product) {
        Good good = goodOf(merchant, product);
        SplittableRandom r = random(PRICE, merchant, product);
        // Log-uniform across the good's range: many cheap ones, few dear ones.
        double yuan = good.minYuan() * Math.pow((double) good.maxYuan() / good.minYuan(), r.nextDouble());
        if (kindOf(merchant) == StoreKind.TMALL) {
            yuan *= 1.2;
        }
        return Math.max(100, Math.round(yuan) * 100 - 1);
    }

    Good goodOf(int merchant, int product) {
        List<Good> goods = aisleOf(merchant).goods();
        return goods.get(product % goods.size());
    }

    /** How busy the market is on a day, relative to an ordinary Thursday: weekdays, festivals and a slow growth. */
    static double dayFactor(LocalDate day, int dayIndex) {
        double factor = WEEKDAY[day.getDayOfWeek().getValue() - 1] * (1 + 0.003 * dayIndex);
        return factor * festivalFactor(day);
    }

    static double festivalFactor(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        int m = md.getMonthValue(), d = md.getDayOfMonth();
        if (m == 11 && d == 11) {
            return 7.0;
        }
        if (m == 11 && d == 1) {
            return 2.5; // the first sales wave of 11.11
        }
        if (m == 10 && d >= 24 || m == 11 && d <= 10) {
            return 1.3; // presales and warm-up
        }
        if (m == 11 && d >= 12 && d <= 18) {
            return 0.8; // the quiet after the festival
        }
        if (m == 6 && d == 18) {
            return 5.0;
        }
        if (m == 6 && d == 1) {
            return 2.0;
        }
        if (m == 6 && d < 18) {
            return 1.25;
        }
        if (m == 12 && d == 12) {
            return 2.5;
        }
        return 1.0;
    }

    static boolean festival(LocalDate day) {
        return festivalFactor(day) >= 2.0;
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A consumer's purchase on a day, or null: when, from whom, what, how many, and what becomes of it. */
    record Purchase(int consumer, int hour, int merchant, int product, int quantity, Fate fate, int rating,
            boolean joinsVip, boolean browsesAds) {
    }

    /** The chance that a consumer who has arrived buys on a day. */
    private double purchaseChance(int consumer, int dayIndex, LocalDate day) {
        return Math.min(0.9, segmentOf(consumer).ratePerDay * intensity * activityOf(consumer) * dayFactor(day, dayIndex));
    }

    /** What a consumer does on the shop on a day: when, whether it searches, how many products it looks at, a cart. */
    record Browse(int consumer, int hour, boolean searches, int views, boolean cart) {
    }

    /**
     * Whether and how a consumer browses the shop on a day: always when it buys (a search, a few product pages, the
     * cart); otherwise about ten times as often as it buys, mostly without buying — the visits behind DAU and the
     * funnel.
     */
    @org.jspecify.annotations.Nullable Browse browseOf(int consumer, int dayIndex, LocalDate day,
            @org.jspecify.annotations.Nullable Purchase purchase) {
        SplittableRandom r = random(BROWSE, dayIndex, consumer);
        if (purchase != null) {
            return new Browse(consumer, purchase.hour(), true, 1 + r.nextInt(4), true);
        }
        if (arrivalOf(consumer) > dayIndex || r.nextDouble() >= Math.min(0.95, 10 * purchaseChance(consumer, dayIndex, day))) {
            return null;
        }
        return new Browse(consumer, pick(festival(day) ? FESTIVAL_HOURS : HOURS, r.nextDouble()), r.nextDouble() < 0.6,
                r.nextInt(4), r.nextDouble() < 0.15);
    }

    /** What a consumer buys on a day (at most one order a day), decided by the seed alone. */
    @org.jspecify.annotations.Nullable Purchase purchaseOf(int consumer, int dayIndex, LocalDate day) {
        if (arrivalOf(consumer) > dayIndex) {
            return null;
        }
        SplittableRandom r = random(PURCHASE, dayIndex, consumer);
        Segment segment = segmentOf(consumer);
        if (r.nextDouble() >= purchaseChance(consumer, dayIndex, day)) {
            return null;
        }
        int hour = pick(festival(day) ? FESTIVAL_HOURS : HOURS, r.nextDouble());
        int merchant = merchantAt(r.nextDouble());
        int product = r.nextInt(PRODUCTS_PER_MERCHANT);
        // The price-sensitive compare three products and take the cheapest, high spenders the dearest.
        if (segment != Segment.MAINSTREAM) {
            for (int look = 0; look < 2; look++) {
                int other = r.nextInt(PRODUCTS_PER_MERCHANT);
                long a = priceMinor(merchant, product), b = priceMinor(merchant, other);
                if (segment == Segment.PRICE_SENSITIVE ? b < a : b > a) {
                    product = other;
                }
            }
        }
        double q = r.nextDouble();
        int quantity = q < 0.8 ? 1 : q < 0.95 ? 2 : 3;
        double f = r.nextDouble();
        Fate fate = f < 0.04 ? Fate.ABANDONED : f < 0.06 ? Fate.REFUNDED_BEFORE_SHIPPING
                : f < 0.06 + segment.returnRate ? Fate.RETURNED : Fate.KEPT;
        int rating = fate == Fate.RETURNED ? 1 + r.nextInt(2) : r.nextDouble() < segment.reviewRate ? 3 + r.nextInt(3) : 0;
        boolean joinsVip = segment == Segment.HIGH_SPENDER && r.nextDouble() < 0.5;
        boolean browsesAds = r.nextDouble() < 0.3;
        return new Purchase(consumer, hour, merchant, product, quantity, fate, rating, joinsVip, browsesAds);
    }

    private int merchantAt(double u) {
        int i = java.util.Arrays.binarySearch(merchantCumulative, u);
        return Math.min(merchants - 1, i >= 0 ? i : -i - 1);
    }

    private static int pick(double[] weights, double u) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double at = u * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
