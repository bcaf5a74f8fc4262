import io.mercato.ads.internal.auction.AdAuction;
import io.mercato.ads.internal.auction.AdCampaign;
import io.mercato.ads.internal.auction.AdRequest;
import io.mercato.ads.internal.auction.AdWin;
import io.mercato.ads.internal.auction.AuctionOutcome;
import io.mercato.ads.internal.auction.DefaultAdAuction;
import io.mercato.ads.internal.auction.Placement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Auction benchmark: the ads engine with 100,000 active campaigns on products of a skewed catalogue (10,000
 * categories, Zipf 1.0: the largest holds about a tenth of the products), driven by two threads in a closed loop
 * with search requests (a few hundred matching products and their one to three categories) and feed requests (three
 * to six interest categories). Winners are clicked at 2 % and convert at 3 % of clicks, fed back to the engine, so
 * bids, click rates and pacing move as they would in service. Request time runs ten times faster than the wall
 * clock from 09:00 Shanghai time, so the pacing and feedback controllers step every 90 s of the run.
 *
 * <p>Run with {@code bench/auction [--quick]}; ends with one line
 * {@code RESULT campaigns=… p50_us=… p99_us=… auctions_per_s=…}.
 */
public class AuctionBench {

    static final Currency CNY = Currency.getInstance("CNY");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-12-03T01:00:00Z");

    final int campaigns;
    final int categories;
    final int products;
    final long seed;
    final int[] productCategory;
    final int[][] categoryProducts;
    final double[] zipfCumulative;
    final DefaultAdAuction engine = new DefaultAdAuction(ZONE);
    volatile long wallStart;

    AuctionBench(int campaigns, int categories, int products, long seed) {
        this.campaigns = campaigns;
        this.categories = categories;
        this.products = products;
        this.seed = seed;
        this.productCategory = new int[products + 1];
        this.zipfCumulative = new double[categories];
        double sum = 0;
        for (int c = 0; c < categories; c++) {
            sum += 1.0 / (c + 1);
            zipfCumulative[c] = sum;
        }
        for (int c = 0; c < categories; c++) {
            zipfCumulative[c] /= sum;
        }
        Random random = new Random(seed);
        int[] counts = new int[categories + 1];
        for (int p = 1; p <= products; p++) {
            productCategory[p] = zipfCategory(random);
            counts[productCategory[p]]++;
        }
        categoryProducts = new int[categories + 1][];
        for (int c = 1; c <= categories; c++) {
            categoryProducts[c] = new int[counts[c]];
        }
        int[] filled = new int[categories + 1];
        for (int p = 1; p <= products; p++) {
            int c = productCategory[p];
            categoryProducts[c][filled[c]++] = p;
        }
    }

    int zipfCategory(Random random) {
        int at = Arrays.binarySearch(zipfCumulative, random.nextDouble());
        return (at < 0 ? -at - 1 : at) + 1;
    }

    void load() {
        Random random = new Random(seed + 1);
        Set<Integer> used = new HashSet<>();
        int stores = campaigns / 5;
        for (long id = 1; id <= campaigns; id++) {
            int product;
            do {
                product = 1 + random.nextInt(products);
            } while (!used.add(product));
            long store = 1 + random.nextInt(stores);
            long orderValue = Math.round(Math.exp(8.5 + random.nextGaussian()));      // about ¥50 median
            BigDecimal roi = BigDecimal.valueOf(15 + random.nextInt(50), 1);
            long budget = 5_000 + random.nextInt(500_000);
            engine.upsert(new AdCampaign(id, store, store, product, productCategory[product], CNY, budget, roi,
                    Math.max(100, orderValue), true, START.minus(Duration.ofDays(3)), null));
        }
        engine.configure(Placement.SEARCH, 10);
        engine.configure(Placement.FEED, 5);
    }

    /** A pool of requests, built ahead so that the loop measures the engine rather than the generator. */
    List<AdRequest> requests(Random random, int count) {
        List<AdRequest> pool = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(10) < 7) {
                Set<Long> cats = new HashSet<>();
                Set<Long> prods = new HashSet<>();
                int wanted = 1 + random.nextInt(3);
                int matches = 100 + random.nextInt(400);
                for (int k = 0; k < wanted; k++) {
                    cats.add((long) zipfCategory(random));
                }
                Long[] chosen = cats.toArray(Long[]::new);
                for (int k = 0; k < matches; k++) {
                    int[] inCategory = categoryProducts[chosen[random.nextInt(chosen.length)].intValue()];
                    if (inCategory.length > 0) {
                        prods.add((long) inCategory[random.nextInt(inCategory.length)]);
                    }
                }
                pool.add(new AdRequest(Placement.SEARCH, CNY, prods, cats, 4, START));
            } else {
                Set<Long> cats = new HashSet<>();
                int interests = 3 + random.nextInt(4);
                for (int k = 0; k < interests; k++) {
                    cats.add((long) zipfCategory(random));
                }
                pool.add(new AdRequest(Placement.FEED, CNY, Set.of(), cats, 3, START));
            }
        }
        return pool;
    }

    Instant now() {
        return START.plusNanos((System.nanoTime() - wallStart) * 10);
    }

    /** Latencies in 100 ns buckets up to 100 ms, one histogram per thread and placement. */
    static final class Histogram {
        final long[] buckets = new long[1_000_001];
        long count;

        void record(long nanos) {
            buckets[(int) Math.min(buckets.length - 1, nanos / 100)]++;
            count++;
        }

        void add(Histogram other) {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += other.buckets[i];
            }
            count += other.count;
        }

        double percentileMicros(double p) {
            long rank = (long) Math.ceil(p * count);
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i];
                if (seen >= rank && seen > 0) {
                    return (i + 1) / 10.0;
                }
            }
            return 0;
        }

        void reset() {
            Arrays.fill(buckets, 0);
            count = 0;
        }
    }

    final class Worker implements Runnable {
        final Random random;
        final List<AdRequest> pool;
        final Histogram search = new Histogram();
        final Histogram feed = new Histogram();
        final AtomicBoolean measuring;
        final AtomicBoolean stop;
        final CountDownLatch done;
        volatile long auctions;
        volatile boolean resetRequested;

        Worker(long seed, AtomicBoolean measuring, AtomicBoolean stop, CountDownLatch done) {
            this.random = new Random(seed);
            this.pool = requests(random, 20_000);
            this.measuring = measuring;
            this.stop = stop;
            this.done = done;
        }

        @Override
        public void run() {
            int i = 0;
            long winners = 0;
            while (!stop.get()) {
                if (resetRequested) {
                    search.reset();
                    feed.reset();
                    auctions = 0;
                    resetRequested = false;
                }
                AdRequest template = pool.get(i++ % pool.size());
                Instant at = now();
                AdRequest request = new AdRequest(template.placement(), CNY, template.productIds(),
                        template.categoryIds(), template.slots(), at);
                long started = System.nanoTime();
                AuctionOutcome outcome = engine.run(request);
                long took = System.nanoTime() - started;
                (request.placement() == Placement.SEARCH ? search : feed).record(took);
                auctions++;
                for (AdWin win : outcome.winners()) {
                    winners++;
                    if (random.nextInt(50) == 0) {
                        engine.clicked(win.bid().campaignId(), request.placement(), win.position(),
                                win.priceMinor(), at);
                        if (random.nextInt(33) == 0) {
                            engine.converted(win.bid().campaignId(), 5_000 + random.nextInt(50_000), at);
                        }
                    }
                }
            }
            done.countDown();
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        int campaigns = 100_000;
        long seed = 20261203L;
        Integer warmupOption = null;
        Integer durationOption = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--campaigns" -> campaigns = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmupOption = Integer.parseInt(args[++i]);
                case "--duration" -> durationOption = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        int warmup = warmupOption != null ? warmupOption : quick ? 10 : 30;
        int duration = durationOption != null ? durationOption : quick ? 20 : 120;
        int threads = 2;
        System.out.printf("seed %d; %,d campaigns over 1,000,000 products in 10,000 categories (Zipf 1.0); %d threads;"
                + " %d s warm-up, %d s measured%n", seed, campaigns, threads, warmup, duration);

        AuctionBench bench = new AuctionBench(campaigns, 10_000, 1_000_000, seed);
        long loadStart = System.nanoTime();
        bench.load();
        System.out.printf("loaded %,d campaigns in %.1f s; largest category holds %,d products%n", campaigns,
                (System.nanoTime() - loadStart) / 1e9, bench.categoryProducts[1].length);

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(threads);
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(bench.new Worker(seed + 100 + t, measuring, stop, done));
        }
        bench.wallStart = System.nanoTime();
        for (Worker w : workers) {
            Thread thread = new Thread(w, "auction-" + workers.indexOf(w));
            thread.setDaemon(true);
            thread.start();
        }
        for (int s = 5; s <= warmup; s += 5) {
            Thread.sleep(5_000);
            System.out.printf("warm-up %3d s: %,d auctions so far%n", s,
                    workers.stream().mapToLong(w -> w.auctions).sum());
        }
        Thread.sleep(Math.max(0, warmup % 5) * 1000L);
        workers.forEach(w -> w.resetRequested = true);
        Thread.sleep(50);
        long measureStart = System.nanoTime();
        long previous = 0;
        for (int s = 5; s <= duration; s += 5) {
            Thread.sleep(5_000);
            long total = workers.stream().mapToLong(w -> w.auctions).sum();
            System.out.printf("measured %3d s: %,8.0f auctions/s over the last 5 s; request time %s%n", s,
                    (total - previous) / 5.0, bench.now().atZone(ZONE).toLocalTime().withNano(0));
            previous = total;
        }
        Thread.sleep(Math.max(0, duration % 5) * 1000L);
        long elapsed = System.nanoTime() - measureStart;
        stop.set(true);
        done.await();

        Histogram search = new Histogram();
        Histogram feed = new Histogram();
        Histogram all = new Histogram();
        for (Worker w : workers) {
            search.add(w.search);
            feed.add(w.feed);
            all.add(w.search);
            all.add(w.feed);
        }
        double perSecond = all.count / (elapsed / 1e9);
        System.out.printf("search: %,d auctions, p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs%n", search.count,
                search.percentileMicros(0.50), search.percentileMicros(0.99), search.percentileMicros(0.999));
        System.out.printf("feed:   %,d auctions, p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs%n", feed.count,
                feed.percentileMicros(0.50), feed.percentileMicros(0.99), feed.percentileMicros(0.999));
        System.out.printf("RESULT campaigns=%d p50_us=%.1f p99_us=%.1f auctions_per_s=%.0f%n", campaigns,
                all.percentileMicros(0.50), all.percentileMicros(0.99), perSecond);
    }
}
