import io.mercato.ads.internal.auction.AdCampaign;
import io.mercato.ads.internal.auction.AdRequest;
import io.mercato.ads.internal.auction.AdWin;
import io.mercato.ads.internal.auction.AuctionOutcome;
import io.mercato.ads.internal.auction.CampaignHistory;
import io.mercato.ads.internal.auction.DefaultAdAuction;
import io.mercato.ads.internal.auction.Placement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Auto-bidding simulation in the spirit of AuctionNet: a day of ad opportunities arriving along a traffic curve,
 * each with known (simulated) click and conversion probabilities per advertiser, dozens of advertisers with budgets
 * and target ROIs competing in the engine's own auction (ranking, second price, reserve, pCTR learned online).
 *
 * <p>Every run is a fresh engine given a week of synthetic history per campaign (as the ads module restores it from
 * its logs), then a warm-up day (same opportunities a day earlier, other outcomes) and the scored day. Outcomes
 * are common random numbers: whether opportunity k's ad of advertiser i is clicked, converts and for how much is a
 * hash of (seed, k, i), so every run of the same day sees the same world.
 *
 * <p>The comparison is per advertiser, the others bidding as in the baseline run (their naive fixed bid, true
 * value of a click ÷ target ROI): advertiser i's score when it uses the auto-bidder, against its best score over a
 * grid of fixed bids found with hindsight on that same day. score = Σ GMV × min(1, achieved ROI ÷ target ROI)².
 * Budget use is the evaluated advertisers' spend ÷ budget; platform revenue comes from two whole-market runs: every
 * advertiser auto-bidding, and every advertiser at its hindsight-best fixed bid.
 *
 * <p>Run with {@code bench/autobid [--quick]}; ends with one line
 * {@code RESULT score=… baseline_score=… ratio=… budget_use=…}.
 */
public class AutobidBench {

    static final Currency CNY = Currency.getInstance("CNY");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    static final Instant DAY_START = DAY.atStartOfDay(ZONE).toInstant();
    static final int CATEGORIES = 4;
    static final long RESERVE = 5;
    static final long AUTO = -1;
    /** The smallest daily budget a campaign may have, ¥100 (marketplaces set such a minimum). */
    static final long MIN_BUDGET = 10_000;
    /** The simulated market's traffic by hour: its own shape, not the engine's built-in typical day. */
    static final double[] HOURS = {2.2, 1.2, 0.7, 0.4, 0.3, 0.4, 0.9, 1.8, 3.0, 4.2, 5.5, 5.8, 4.6, 4.2, 4.8, 5.0,
        4.6, 4.0, 4.3, 5.5, 7.0, 7.8, 6.8, 4.5};

    record Advertiser(int index, long category, double ctrSearch, double ctrFeed, double cvr, long orderValue,
            double targetRoi, long budget) {

        /** What a click is worth at the target ROI: true conversion rate × order value ÷ target. */
        long naiveBid() {
            return Math.max(RESERVE, Math.round(cvr * orderValue / targetRoi));
        }

        double ctr(Placement placement) {
            return placement == Placement.SEARCH ? ctrSearch : ctrFeed;
        }
    }

    record Opportunity(int index, Instant at, AdRequest request) {
    }

    /** What a day gave each advertiser. */
    record Day(long[] spend, long[] gmv, double[] expectedGmv, long revenue) {
    }

    /** Conversion rate by hour of day relative to the day's mean (evening shoppers buy more), unless stationary. */
    static double hourOfDayCvr(int hour, boolean stationary) {
        return stationary ? 1.0 : 1.0 + 0.35 * Math.sin(2 * Math.PI * (hour - 15) / 24.0);
    }

    static boolean stationary;

    final long seed;
    final List<Advertiser> advertisers;
    final List<Opportunity> opportunities;

    AutobidBench(long seed, int advertiserCount, int perDay, long[] budgets) {
        this.seed = seed;
        Random random = new Random(seed);
        List<Advertiser> list = new ArrayList<>();
        double[] rois = {1.5, 2, 2.5, 3, 4, 5};
        for (int i = 0; i < advertiserCount; i++) {
            double ctrSearch = 0.02 + 0.06 * random.nextDouble();
            list.add(new Advertiser(i, 1 + i % CATEGORIES, ctrSearch, ctrSearch * (0.3 + 0.5 * random.nextDouble()),
                    0.03 + 0.09 * random.nextDouble(), Math.round(Math.exp(9.0 + 0.6 * random.nextGaussian())),
                    rois[random.nextInt(rois.length)], budgets == null ? 1_000_000_000_000L : budgets[i]));
        }
        this.advertisers = list;
        this.opportunities = opportunities(new Random(seed + 1), perDay);
    }

    List<Opportunity> opportunities(Random random, int count) {
        double[] cumulative = new double[25];
        for (int h = 0; h < 24; h++) {
            cumulative[h + 1] = cumulative[h] + HOURS[h];
        }
        long[] seconds = new long[count];
        for (int k = 0; k < count; k++) {
            double u = random.nextDouble() * cumulative[24];
            int h = 0;
            while (cumulative[h + 1] < u) {
                h++;
            }
            seconds[k] = h * 3600L + (long) ((u - cumulative[h]) / HOURS[h] * 3600);
        }
        Arrays.sort(seconds);
        List<Opportunity> list = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long category = 1 + Math.min(CATEGORIES - 1, (long) (Math.pow(random.nextDouble(), 1.6) * CATEGORIES));
            Instant at = DAY_START.plusSeconds(seconds[k]);
            AdRequest request;
            if (random.nextInt(10) < 7) {
                Set<Long> products = new HashSet<>();
                for (Advertiser a : advertisers) {
                    if (a.category() == category && random.nextInt(10) < 6) {
                        products.add(product(a));
                    }
                }
                request = new AdRequest(Placement.SEARCH, CNY, products, Set.of(category), 3, at);
            } else {
                request = new AdRequest(Placement.FEED, CNY, Set.of(), Set.of(category), 2, at);
            }
            list.add(new Opportunity(k, at, request));
        }
        return list;
    }

    static long product(Advertiser a) {
        return 1000 + a.index();
    }

    /** A uniform number in [0, 1) from (seed, salt, opportunity, advertiser): the same in every run. */
    double uniform(long salt, int opportunity, int advertiser) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + opportunity * 0x94D049BB133111EBL
                + advertiser * 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** A log-normal factor with mean 1 and the given spread, from a uniform number. */
    static double lognormal(double u, double sigma) {
        double g = inverseNormal(Math.min(1 - 1e-12, Math.max(1e-12, u)));
        return Math.exp(sigma * g - sigma * sigma / 2);
    }

    static double inverseNormal(double p) {
        // Acklam's rational approximation, good to about 1e-9.
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549671010322304e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    static double positionEffect(int position) {
        return Math.pow(position, -0.6);
    }

    /** One run: a fresh engine, a week of history, a warm-up day and the scored day, with these bids (AUTO or fixed). */
    Day run(long[] bids) {
        DefaultAdAuction engine = new DefaultAdAuction(ZONE);
        engine.configure(Placement.SEARCH, RESERVE);
        engine.configure(Placement.FEED, RESERVE);
        for (Advertiser a : advertisers) {
            long id = a.index() + 1;
            engine.upsert(new AdCampaign(id, id, id, product(a), a.category(), CNY, a.budget(),
                    BigDecimal.valueOf(a.targetRoi()), a.orderValue(), true, DAY_START.minus(Duration.ofDays(30)),
                    null));
            long impressions = 5_000;
            long clicks = Math.round(impressions * a.ctrSearch() * 0.8);
            long conversions = Math.round(clicks * a.cvr());
            long spend = clicks * a.naiveBid() / 2;
            engine.restore(id, new CampaignHistory(DAY.minusDays(2), 0, impressions, clicks, conversions, spend,
                    conversions * a.orderValue()));
            if (bids[a.index()] != AUTO) {
                engine.fixBid(id, bids[a.index()]);
            }
        }
        simulate(engine, Duration.ofDays(-1), 1);
        return simulate(engine, Duration.ZERO, 0);
    }

    Day simulate(DefaultAdAuction engine, Duration shift, long salt) {
        int n = advertisers.size();
        long[] spend = new long[n];
        long[] gmv = new long[n];
        double[] expectedGmv = new double[n];
        long revenue = 0;
        for (Opportunity o : opportunities) {
            AdRequest template = o.request();
            Instant at = o.at().plus(shift);
            AdRequest request = shift.isZero() ? template : new AdRequest(template.placement(), CNY,
                    template.productIds(), template.categoryIds(), template.slots(), at);
            AuctionOutcome outcome = engine.run(request);
            for (AdWin win : outcome.winners()) {
                int i = (int) win.bid().campaignId() - 1;
                Advertiser a = advertisers.get(i);
                double pClick = a.ctr(request.placement()) * positionEffect(win.position())
                        * lognormal(uniform(salt * 8 + 1, o.index(), i), 0.4);
                if (uniform(salt * 8 + 2, o.index(), i) >= pClick) {
                    continue;
                }
                engine.clicked(win.bid().campaignId(), request.placement(), win.position(), win.priceMinor(), at);
                spend[i] += win.priceMinor();
                revenue += win.priceMinor();
                double pConvert = a.cvr() * hourOfDayCvr(at.atZone(ZONE).getHour(), stationary) * lognormal(uniform(salt * 8 + 3, o.index(), i), 0.4);
                // What the click is worth before its conversion is drawn: its known conversion probability × the
                // mean order value (the value draw is a mean-one log-normal).
                expectedGmv[i] += Math.min(1, pConvert) * a.orderValue();
                if (uniform(salt * 8 + 4, o.index(), i) < pConvert) {
                    long value = Math.round(a.orderValue() * lognormal(uniform(salt * 8 + 5, o.index(), i), 0.3));
                    engine.converted(win.bid().campaignId(), value, at);
                    gmv[i] += value;
                }
            }
        }
        return new Day(spend, gmv, expectedGmv, revenue);
    }

    /** The score of advertiser i's day: its GMV × min(1, achieved ROI ÷ target)², on drawn or on expected GMV. */
    double score(Day day, int i, boolean expected) {
        Advertiser a = advertisers.get(i);
        double gmv = expected ? day.expectedGmv()[i] : day.gmv()[i];
        if (gmv == 0) {
            return 0;
        }
        double roi = day.spend()[i] == 0 ? Double.POSITIVE_INFINITY : gmv / day.spend()[i];
        double ratio = Math.min(1, roi / a.targetRoi());
        return gmv * ratio * ratio;
    }

    long[] naiveBids() {
        return advertisers.stream().mapToLong(Advertiser::naiveBid).toArray();
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        long seed = 20261203L;
        Integer advertiserOption = null;
        Integer opportunityOption = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--advertisers" -> advertiserOption = Integer.parseInt(args[++i]);
                case "--opportunities" -> opportunityOption = Integer.parseInt(args[++i]);
                case "--stationary" -> stationary = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        int n = advertiserOption != null ? advertiserOption : quick ? 24 : 48;
        int perDay = opportunityOption != null ? opportunityOption : quick ? 50_000 : 100_000;
        double[] grid = quick ? new double[] {0.4, 0.6, 0.8, 1.0, 1.3, 1.7, 2.3}
                : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 3.0};
        System.out.printf("seed %d; %d advertisers in %d categories; %,d opportunities a day (70 %% search with 3"
                + " slots, 30 %% feed with 2); conversion rates %s; fixed-bid grid of %d multipliers of the naive"
                + " bid%n", seed, n, CATEGORIES, perDay,
                stationary ? "the same all day" : "from 0.65x at 09:00 to 1.35x at 21:00 of the mean", grid.length);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();

        // Budgets: from a calibration run without budgets at the naive bids, between 30 % and 150 % of that spend,
        // so that some advertisers are held by their budget and others by their ROI target; at least ¥100.
        AutobidBench calibration = new AutobidBench(seed, n, perDay, null);
        Day free = calibration.run(calibration.naiveBids());
        Random budgetRandom = new Random(seed + 2);
        long[] budgets = new long[n];
        for (int i = 0; i < n; i++) {
            budgets[i] = Math.max(MIN_BUDGET, Math.round(free.spend()[i] * (0.3 + 1.2 * budgetRandom.nextDouble())));
        }
        AutobidBench bench = new AutobidBench(seed, n, perDay, budgets);
        long[] naive = bench.naiveBids();
        System.out.printf("calibrated budgets in %.1f s (naive bids spend ¥%,.0f without budgets)%n",
                (System.nanoTime() - started) / 1e9, Arrays.stream(free.spend()).sum() / 100.0);

        // Each advertiser alone on the auto-bidder, the others at their naive fixed bids.
        List<Future<Day>> autoRuns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] bids = naive.clone();
            bids[i] = AUTO;
            autoRuns.add(pool.submit(() -> bench.run(bids)));
        }
        // Each advertiser over the grid of fixed bids, the others at their naive fixed bids.
        List<List<Future<Day>>> gridRuns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Future<Day>> runs = new ArrayList<>();
            for (double m : grid) {
                long[] bids = naive.clone();
                bids[i] = Math.max(RESERVE, Math.round(naive[i] * m));
                runs.add(pool.submit(() -> bench.run(bids)));
            }
            gridRuns.add(runs);
        }
        double score = 0;
        double baseline = 0;
        double expectedScore = 0;
        double expectedBaseline = 0;
        int expectedWins = 0;
        long autoSpend = 0;
        long fixedSpend = 0;
        long budgetSum = 0;
        long[] bestBids = new long[n];
        int wins = 0;
        for (int i = 0; i < n; i++) {
            Advertiser a = bench.advertisers.get(i);
            Day auto = autoRuns.get(i).get();
            double autoScore = bench.score(auto, i, false);
            double autoExpected = bench.score(auto, i, true);
            double best = -1;
            double bestExpected = -1;
            Day bestDay = null;
            for (int g = 0; g < grid.length; g++) {
                Day d = gridRuns.get(i).get(g).get();
                double s = bench.score(d, i, false);
                if (s > best) {
                    best = s;
                    bestDay = d;
                    bestBids[i] = Math.max(RESERVE, Math.round(naive[i] * grid[g]));
                }
                bestExpected = Math.max(bestExpected, bench.score(d, i, true));
            }
            expectedScore += autoExpected;
            expectedBaseline += bestExpected;
            expectedWins += autoExpected >= bestExpected ? 1 : 0;
            score += autoScore;
            baseline += best;
            autoSpend += auto.spend()[i];
            fixedSpend += bestDay.spend()[i];
            budgetSum += a.budget();
            wins += autoScore >= best ? 1 : 0;
            System.out.printf("advertiser %2d: target ROI %.1f, budget ¥%,9.2f | auto: spend ¥%,9.2f GMV ¥%,10.2f ROI %5.2f"
                    + " score %,12.0f | best fixed bid %,5d fen (%s naive): spend ¥%,9.2f GMV ¥%,10.2f ROI %5.2f score"
                    + " %,12.0f | expected GMV: auto score %,12.0f, best fixed %,12.0f%n", i + 1, a.targetRoi(), a.budget() / 100.0, auto.spend()[i] / 100.0,
                    auto.gmv()[i] / 100.0, roi(auto, i), autoScore, bestBids[i],
                    String.format("%.2f×", (double) bestBids[i] / naive[i]), bestDay.spend()[i] / 100.0,
                    bestDay.gmv()[i] / 100.0, roi(bestDay, i), best, autoExpected, bestExpected);
        }
        System.out.printf("per advertiser, auto-bidder against the best fixed bid: %d of %d at least as good on drawn"
                + " GMV, %d of %d on expected GMV%n", wins, n, expectedWins, n);

        long[] allAuto = new long[n];
        Arrays.fill(allAuto, AUTO);
        Future<Day> everyoneAuto = pool.submit(() -> bench.run(allAuto));
        Future<Day> everyoneBest = pool.submit(() -> bench.run(bestBids));
        Day autoMarket = everyoneAuto.get();
        Day fixedMarket = everyoneBest.get();
        double autoMarketScore = 0;
        double fixedMarketScore = 0;
        for (int i = 0; i < n; i++) {
            autoMarketScore += bench.score(autoMarket, i, false);
            fixedMarketScore += bench.score(fixedMarket, i, false);
        }
        System.out.printf("whole market, every advertiser on the auto-bidder: score %,.0f, budget use %.3f, platform"
                + " revenue ¥%,.2f%n", autoMarketScore, (double) Arrays.stream(autoMarket.spend()).sum() / budgetSum,
                autoMarket.revenue() / 100.0);
        System.out.printf("whole market, every advertiser at its best fixed bid: score %,.0f, budget use %.3f,"
                + " platform revenue ¥%,.2f%n", fixedMarketScore,
                (double) Arrays.stream(fixedMarket.spend()).sum() / budgetSum, fixedMarket.revenue() / 100.0);
        System.out.printf("evaluated advertisers' budget use: auto-bidder %.3f, best fixed bid %.3f; %.1f s in all%n",
                (double) autoSpend / budgetSum, (double) fixedSpend / budgetSum, (System.nanoTime() - started) / 1e9);
        pool.shutdown();
        System.out.printf("on drawn GMV (the conversions and order values that happened): score %.0f, best fixed"
                + " bids %.0f, ratio %.3f%n", score, baseline, score / baseline);
        System.out.printf("on expected GMV (each click bought at its known conversion probability × mean order value):"
                + " score %.0f, best fixed bids %.0f, ratio %.3f%n", expectedScore, expectedBaseline,
                expectedScore / expectedBaseline);
        System.out.printf("RESULT score=%.0f baseline_score=%.0f ratio=%.3f budget_use=%.3f%n", score, baseline,
                score / baseline, (double) autoSpend / budgetSum);
    }

    static double roi(Day d, int i) {
        return d.spend()[i] == 0 ? 0 : (double) d.gmv()[i] / d.spend()[i];
    }
}
