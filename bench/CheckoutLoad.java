import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout load driver for Mercato. Single file, JDK only: run with {@code java bench/CheckoutLoad.java --url ...}.
 *
 * <p>Set-up (untimed): an operator-made category, {@code --stores} sellers (16 by default) with a Taobao store
 * each, products with many SKUs and ample stock spread over them, and one funded buyer per worker. Load (timed): every worker repeatedly places a checkout for one
 * SKU of its own and pays the order, as its own buyer. Each order's latency is checkout + payment.
 *
 * <p>Ends with one machine-readable line: {@code RESULT orders=... orders_per_s=... p50_ms=... p99_ms=... ...}.
 */
public class CheckoutLoad {

    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern SKU_ID = Pattern.compile("\\{\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"productId\"");
    static final Pattern ORDER_ID = Pattern.compile("\"orders\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*(\\d+)");
    static final Pattern PAID = Pattern.compile("\"status\"\\s*:\\s*\"PAID\"");

    static final long PRICE_MINOR = 100;
    static final long TOP_UP_MINOR = 5_000_000;
    static final int SKUS_PER_PRODUCT = 200;
    static final int MAX_ERRORS = 50;
    static final int MAX_ORDERS_PER_WORKER = 200_000;

    final String base;
    final HttpClient http;

    CheckoutLoad(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    record Reply(int status, String body) {
    }

    Reply post(String path, String token, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    Reply expect(int status, String path, String token, String json) throws Exception {
        Reply reply = post(path, token, json, null);
        if (reply.status() != status) {
            throw new IllegalStateException("POST " + path + " gave " + reply.status() + " (wanted " + status + "): "
                    + abbreviate(reply.body()));
        }
        return reply;
    }

    static String first(Pattern pattern, String body, String what) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + what + " in response: " + abbreviate(body));
        }
        return m.group(1);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    String register(String email, String password, String role) throws Exception {
        expect(201, "/api/v1/accounts", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"displayName\":\"Bench " + role.toLowerCase() + "\",\"role\":\"" + role + "\"}");
        return logIn(email, password);
    }

    String logIn(String email, String password) throws Exception {
        Reply reply = expect(201, "/api/v1/sessions", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        return first(TOKEN, reply.body(), "token");
    }

    // ---------------------------------------------------------------------------------------------------------

    record Setup(List<String> buyerTokens, List<Long> skuIds) {
    }

    Setup setUp(int buyers, int skus, int stores, String operatorEmail, String operatorPassword) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        long t0 = System.nanoTime();
        String password = "bench-password-" + run;

        String operator = logIn(operatorEmail, operatorPassword);
        long categoryId = Long.parseLong(first(ID, expect(201, "/api/v1/operator/categories", operator,
                "{\"name\":\"Bench " + run + "\",\"commissionBasisPoints\":200}").body(), "category id"));
        // Orders spread over several merchants, as on a marketplace: each merchant's escrow is its own ledger row.
        List<String> sellers = new ArrayList<>();
        List<Long> storeIds = new ArrayList<>();
        for (int st = 0; st < stores; st++) {
            String seller = register("bench-seller-" + run + "-" + st + "@bench.example", password, "SELLER");
            sellers.add(seller);
            storeIds.add(Long.parseLong(first(ID, expect(201, "/api/v1/stores", seller,
                    "{\"name\":\"Bench store " + run + "-" + st + "\",\"kind\":\"TAOBAO\"}").body(), "store id")));
        }
        progress("setup: operator, category %d, %d sellers with a store each (%.1f s)", categoryId, stores, secs(t0));

        List<Long> skuIds = new ArrayList<>();
        int products = Math.max(stores, (skus + SKUS_PER_PRODUCT - 1) / SKUS_PER_PRODUCT);
        int perProduct = (skus + products - 1) / products;
        for (int p = 0; p < products && p < 100 && skuIds.size() < skus; p++) {
            int n = Math.min(perProduct, skus - skuIds.size());
            String seller = sellers.get(p % stores);
            long storeId = storeIds.get(p % stores);
            StringBuilder json = new StringBuilder("{\"title\":\"Bench product ").append(p)
                    .append("\",\"description\":\"Checkout benchmark\",\"categoryId\":").append(categoryId)
                    .append(",\"images\":[],\"skus\":[");
            for (int i = 0; i < n; i++) {
                json.append(i == 0 ? "" : ",").append("{\"attributes\":{\"variant\":\"v").append(i)
                        .append("\"},\"priceMinor\":").append(PRICE_MINOR).append(",\"initialStock\":10000000}");
            }
            json.append("]}");
            String body = expect(201, "/api/v1/stores/" + storeId + "/products", seller, json.toString()).body();
            long productId = Long.parseLong(first(ID, body, "product id"));
            Matcher m = SKU_ID.matcher(body);
            int found = 0;
            while (m.find()) {
                skuIds.add(Long.parseLong(m.group(1)));
                found++;
            }
            if (found != n) {
                throw new IllegalStateException("Product " + productId + " came back with " + found + " SKUs, wanted " + n);
            }
            expect(200, "/api/v1/products/" + productId + "/listing", seller, null);
        }
        progress("setup: %d products, %d SKUs listed with 10000000 units each (%.1f s)", products, skuIds.size(), secs(t0));

        // Argon2 makes registration and log-in deliberately slow; a few at a time keeps the machine usable.
        List<String> tokens = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int b = 0; b < buyers; b++) {
                String email = "bench-buyer-" + run + "-" + b + "@bench.example";
                futures.add(pool.submit(() -> {
                    String token = register(email, password, "BUYER");
                    expect(201, "/api/v1/wallet/top-ups", token, "{\"amountMinor\":" + TOP_UP_MINOR + ",\"currency\":\"CNY\"}");
                    return token;
                }));
            }
            for (int b = 0; b < futures.size(); b++) {
                tokens.add(futures.get(b).get(5, TimeUnit.MINUTES));
                if ((b + 1) % 8 == 0 || b + 1 == futures.size()) {
                    progress("setup: %d/%d buyers registered and funded (%.1f s)", b + 1, buyers, secs(t0));
                }
            }
        }
        return new Setup(tokens, skuIds);
    }

    // ---------------------------------------------------------------------------------------------------------

    static final String ADDRESS = "{\"recipient\":\"Bench Buyer\",\"phone\":\"+86 138 0000 0000\","
            + "\"line1\":\"1 Benchmark Road\",\"city\":\"Hangzhou\",\"country\":\"CN\"}";

    final AtomicLong errors = new AtomicLong();
    volatile String lastError = "";

    /** One order: checkout then payment. Returns {checkoutNanos, payNanos}, or null on failure. */
    long[] order(String token, long skuId) throws Exception {
        long t0 = System.nanoTime();
        Reply placed = post("/api/v1/checkouts", token, "{\"address\":" + ADDRESS + ",\"items\":[{\"skuId\":" + skuId
                + ",\"quantity\":1}]}", UUID.randomUUID().toString());
        long t1 = System.nanoTime();
        if (placed.status() != 201) {
            fail("checkout " + placed.status() + ": " + abbreviate(placed.body()));
            return null;
        }
        Matcher m = ORDER_ID.matcher(placed.body());
        if (!m.find()) {
            fail("no order id in checkout: " + abbreviate(placed.body()));
            return null;
        }
        Reply paid = post("/api/v1/orders/" + m.group(1) + "/payment", token, null, UUID.randomUUID().toString());
        long t2 = System.nanoTime();
        if (paid.status() != 200 || !PAID.matcher(paid.body()).find()) {
            fail("payment " + paid.status() + ": " + abbreviate(paid.body()));
            return null;
        }
        return new long[] {t1 - t0, t2 - t1};
    }

    void fail(String message) {
        errors.incrementAndGet();
        lastError = message;
    }

    static final class Recorder {
        final long[] checkout = new long[MAX_ORDERS_PER_WORKER];
        final long[] pay = new long[MAX_ORDERS_PER_WORKER];
        int count;
    }

    /** Runs the workers for the given time; returns their recorders. */
    List<Recorder> run(Setup setup, int concurrency, double seconds, String phase) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Recorder> recorders = new ArrayList<>();
        List<Long> skus = setup.skuIds();
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                Recorder recorder = new Recorder();
                recorders.add(recorder);
                String token = setup.buyerTokens().get(w);
                int worker = w;
                futures.add(workers.submit(() -> {
                    // Each worker owns the SKUs at indexes worker, worker + concurrency, ...: no two workers share a SKU.
                    int k = 0;
                    while (!stop.get() && System.nanoTime() < deadline && recorder.count < MAX_ORDERS_PER_WORKER
                            && errors.get() < MAX_ERRORS) {
                        int index = worker + concurrency * (k++ % Math.max(1, skus.size() / concurrency));
                        long[] took = order(token, skus.get(index % skus.size()));
                        if (took != null && System.nanoTime() <= deadline) {
                            recorder.checkout[recorder.count] = took[0];
                            recorder.pay[recorder.count] = took[1];
                            recorder.count++;
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long lastDone = 0;
            long lastAt = started;
            while (deadline - System.nanoTime() > 50_000_000L && errors.get() < MAX_ERRORS) {
                Thread.sleep(Math.max(1, Math.min(5_000, (deadline - System.nanoTime()) / 1_000_000)));
                long now = System.nanoTime();
                long d = done.get();
                progress("%s: %5.1f s  %6d orders  %7.1f orders/s (last interval)  errors %d", phase, (now - started) / 1e9,
                        d, (d - lastDone) / ((now - lastAt) / 1e9), errors.get());
                lastDone = d;
                lastAt = now;
            }
            stop.set(true);
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
        if (errors.get() > 0) {
            progress("%s: %d errors, last: %s", phase, errors.get(), lastError);
        }
        if (errors.get() >= MAX_ERRORS) {
            throw new IllegalStateException("Too many errors (" + errors.get() + "); last: " + lastError);
        }
        return recorders;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static void progress(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.contains("=")) {
                opts.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
            } else {
                opts.put(key, i + 1 < args.length ? args[++i] : "");
            }
        }
        String url = opts.getOrDefault("url", "http://127.0.0.1:8080");
        URI parsed = URI.create(url);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(parsed.getHost())) {
            throw new IllegalArgumentException("The driver only targets localhost, not " + parsed.getHost());
        }
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "8"));
        double seconds = Double.parseDouble(opts.getOrDefault("duration", "30"));
        double warmup = Double.parseDouble(opts.getOrDefault("warmup", "5"));
        int stores = Integer.parseInt(opts.getOrDefault("stores", "16"));
        if (stores < 1 || stores > 100) {
            throw new IllegalArgumentException("Need 1 <= stores <= 100");
        }
        int skus = Integer.parseInt(opts.getOrDefault("skus", Integer.toString(Math.max(SKUS_PER_PRODUCT, concurrency * 8))));
        if (concurrency < 1 || concurrency > 512 || seconds <= 0 || seconds > 3600 || warmup < 0 || warmup > 600
                || skus < concurrency || skus > 20_000) {
            throw new IllegalArgumentException("Need 1 <= concurrency <= 512, 0 < duration <= 3600, 0 <= warmup <= 600,"
                    + " concurrency <= skus <= 20000");
        }
        CheckoutLoad load = new CheckoutLoad(url);
        progress("checkout load: %s, concurrency %d, warm-up %.0f s, measured %.0f s, %d SKUs", url, concurrency, warmup,
                seconds, skus);
        Setup setup = load.setUp(concurrency, skus, stores, opts.getOrDefault("operator-email", "operator@mercato.demo"),
                opts.getOrDefault("operator-password", "operator-demo-2026"));
        if (warmup > 0) {
            load.run(setup, concurrency, warmup, "warm-up");
        }
        load.errors.set(0);
        long started = System.nanoTime();
        List<Recorder> recorders = load.run(setup, concurrency, seconds, "load");
        double elapsed = secs(started);

        int total = recorders.stream().mapToInt(r -> r.count).sum();
        long[] all = new long[total];
        long[] checkout = new long[total];
        long[] pay = new long[total];
        int at = 0;
        for (Recorder r : recorders) {
            for (int i = 0; i < r.count; i++, at++) {
                checkout[at] = r.checkout[i];
                pay[at] = r.pay[i];
                all[at] = r.checkout[i] + r.pay[i];
            }
        }
        Arrays.sort(all);
        Arrays.sort(checkout);
        Arrays.sort(pay);
        double rate = total / Math.min(elapsed, seconds);
        progress("load: %d orders in %.1f s with %d workers: %.1f orders/s", total, Math.min(elapsed, seconds), concurrency, rate);
        progress("latency per order (checkout + pay): p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(all, 50),
                percentile(all, 99), percentile(all, 100));
        progress("  checkout: p50 %.1f ms, p99 %.1f ms;  pay: p50 %.1f ms, p99 %.1f ms", percentile(checkout, 50),
                percentile(checkout, 99), percentile(pay, 50), percentile(pay, 99));
        System.out.printf(java.util.Locale.ROOT, "RESULT orders=%d seconds=%.1f concurrency=%d orders_per_s=%.1f p50_ms=%.1f"
                        + " p99_ms=%.1f checkout_p50_ms=%.1f checkout_p99_ms=%.1f pay_p50_ms=%.1f pay_p99_ms=%.1f errors=%d%n",
                total, Math.min(elapsed, seconds), concurrency, rate, percentile(all, 50), percentile(all, 99),
                percentile(checkout, 50), percentile(checkout, 99), percentile(pay, 50), percentile(pay, 99),
                load.errors.get());
    }
}
