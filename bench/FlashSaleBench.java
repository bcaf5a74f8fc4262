import io.mercato.MercatoApplication;
import io.mercato.flashsale.FlashSales;
import io.mercato.ordering.Address;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hot-SKU benchmark: one flash sale of {@code --units} units and {@code --attempts} attempts of one unit from
 * {@code --buyers} buyers (per-buyer limit 1), all racing from {@code --concurrency} client threads, through Mercato's
 * path ({@code FlashSales.attempt}: admission queue, group commit, sold-out from memory) and, in the same run on the
 * same database, through the naive baseline: one conditional {@code UPDATE inventory.stock SET reserved = reserved + 1
 * WHERE on_hand - reserved >= 1} per attempt in its own transaction, from the platform's own connection pool.
 *
 * <p>The platform runs in this JVM (on a fresh embedded PostgreSQL under a temporary directory) so that 20,000 buyers
 * need no 20,000 logins: the attempts call the facade with the buyer's {@link Actor}, as the HTTP controller does.
 * Set-up (a seller, a store, a product with four SKUs, the sales) goes over HTTP. After the run the books are checked:
 * claims won = the sale's sold count = units held, never above the quantity; every claim becomes an order; the
 * baseline's successes never exceed its stock. Ends with one line {@code RESULT ...}.
 */
public class FlashSaleBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Address ADDRESS = new Address("Li Lei", "+86 138 0013 8000", "1 Wensan Road", null, "Hangzhou",
            "Zhejiang", "310000", "CN");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                options.put("quick", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        boolean quick = options.containsKey("quick");
        int units = Integer.parseInt(options.getOrDefault("units", quick ? "2500" : "10000"));
        int attempts = Integer.parseInt(options.getOrDefault("attempts", quick ? "50000" : "200000"));
        int buyers = Integer.parseInt(options.getOrDefault("buyers", quick ? "5000" : "20000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "256"));

        Path data = Files.createTempDirectory("mercato-flashsale-bench");
        log("starting the platform in-process on " + data);
        long starting = System.nanoTime();
        ConfigurableApplicationContext app = SpringApplication.run(MercatoApplication.class,
                "--mercato.data-dir=" + data, "--mercato.demo.enabled=false", "--server.port=0",
                "--server.address=127.0.0.1", "--mercato.ordering.timers-enabled=false",
                "--mercato.overload.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        int exit = 0;
        try {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            log("healthy in " + (System.nanoTime() - starting) / 1_000_000_000 + " s; setting up");
            String base = "http://127.0.0.1:" + port + "/api/v1";
            String operator = login(base, "operator@mercato.demo", "operator-demo-2026");
            String email = "bench-seller-" + UUID.randomUUID() + "@bench.mercato";
            call(base, null, "POST", "/accounts", "{\"email\":\"" + email
                    + "\",\"password\":\"bench-password-1\",\"displayName\":\"Bench seller\",\"role\":\"SELLER\"}");
            String seller = login(base, email, "bench-password-1");
            long store = id(call(base, seller, "POST", "/stores", "{\"name\":\"Bench store\",\"kind\":\"TAOBAO\"}"));
            long category = id(call(base, operator, "POST", "/operator/categories",
                    "{\"name\":\"Bench " + UUID.randomUUID() + "\",\"commissionBasisPoints\":0}"));
            int warmUnits = Math.max(100, units / 10);
            String skus = "[" + sku("warm-flash", warmUnits) + "," + sku("warm-base", warmUnits) + ","
                    + sku("flash", units) + "," + sku("base", units) + "]";
            String product = call(base, seller, "POST", "/stores/" + store + "/products", "{\"title\":\"Hot SKU\","
                    + "\"description\":\"The festival's hot SKU\",\"categoryId\":" + category
                    + ",\"images\":[\"https://img.example.com/p.jpg\"],\"skus\":" + skus + "}");
            long productId = id(product);
            String listed = call(base, seller, "POST", "/products/" + productId + "/listing", null);
            long[] skuIds = Pattern.compile("\"skus\":\\[(.*)").matcher(listed).results().findFirst()
                    .map(m -> Pattern.compile("\\{\"id\":(\\d+)").matcher(m.group(1)).results()
                            .mapToLong(r -> Long.parseLong(r.group(1))).toArray()).orElseThrow();
            Instant now = Instant.now();
            long warmSale = id(call(base, seller, "POST", "/flash-sales", sale(skuIds[0], warmUnits, now)));
            long hotSale = id(call(base, seller, "POST", "/flash-sales", sale(skuIds[2], units, now)));

            FlashSales sales = app.getBean(FlashSales.class);
            DataSource pool = app.getBean(DataSource.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            int warmAttempts = Math.max(2_000, attempts / 10);
            log("warm-up: " + warmAttempts + " attempts on each path");
            mercato(sales, warmSale, warmAttempts, buyers, concurrency, 2_000_000, false);
            baseline(pool, skuIds[1], warmAttempts, concurrency, false);
            for (int i = 0; sales.tally(new Actor(1, Role.OPERATOR), warmSale).won() > 0 && i < 6000; i++) {
                sales.placeOrders();
                Thread.sleep(100);
            }

            log("Mercato: " + attempts + " attempts from " + buyers + " buyers for " + units + " units, "
                    + concurrency + " client threads");
            Run mine = mercato(sales, hotSale, attempts, buyers, concurrency, 10_000_000, true);
            // Every claim becomes an order in the background (ordering's checkout, a hundred per transaction): wait for
            // the last one before the baseline runs, so that it has the machine to itself (at most 10 min).
            long ordering = System.nanoTime();
            FlashSales.Tally tally = sales.tally(new Actor(1, Role.OPERATOR), hotSale);
            for (int i = 0; tally.won() > 0 && i < 6000; i++) {
                sales.placeOrders();
                Thread.sleep(100);
                tally = sales.tally(new Actor(1, Role.OPERATOR), hotSale);
            }
            log("orders for all " + tally.ordered() + " claims placed " + (System.nanoTime() - ordering) / 1_000_000
                    + " ms after the last attempt");
            log("baseline: " + attempts + " attempts, one conditional UPDATE each in its own transaction");
            Run naive = baseline(pool, skuIds[3], attempts, concurrency, true);
            long reservedFlash = jdbc.sql("SELECT reserved FROM inventory.stock WHERE sku_id = ?").param(skuIds[2])
                    .query(Long.class).single();
            long reservedBase = jdbc.sql("SELECT reserved FROM inventory.stock WHERE sku_id = ?").param(skuIds[3])
                    .query(Long.class).single();
            long oversold = Math.max(0, mine.won - units) + Math.max(0, tally.sold() - units)
                    + Math.max(0, naive.won - units) + Math.max(0, reservedBase - units) + Math.max(0, reservedFlash - units);
            boolean books = tally.balances() && tally.sold() == mine.won && tally.won() == 0
                    && tally.ordered() == mine.won && reservedFlash == mine.won && reservedBase == naive.won;
            log("Mercato:  won " + mine.won + ", refused " + mine.refusals + ", " + mine.perSecond() + " attempts/s, p50 "
                    + mine.percentile(50) + " ms, p99 " + mine.percentile(99) + " ms, p999 " + mine.percentile(99.9) + " ms");
            log("baseline: won " + naive.won + ", refused " + naive.refusals + ", " + naive.perSecond()
                    + " attempts/s, p50 " + naive.percentile(50) + " ms, p99 " + naive.percentile(99) + " ms, p999 "
                    + naive.percentile(99.9) + " ms");
            log("books: claims won " + mine.won + " = sold " + tally.sold() + " = held " + tally.held()
                    + " = orders " + tally.ordered() + " = units reserved " + reservedFlash + ": " + books);
            if (!books || oversold > 0) {
                exit = 1;
            }
            System.out.printf("RESULT attempts_per_s=%d p99_ms=%s baseline_attempts_per_s=%d ratio=%.1f oversold=%d"
                    + " p50_ms=%s p999_ms=%s baseline_p99_ms=%s won=%d baseline_won=%d books=%s%n",
                    mine.perSecond(), mine.percentile(99), naive.perSecond(),
                    (double) mine.perSecond() / Math.max(1, naive.perSecond()), oversold, mine.percentile(50),
                    mine.percentile(99.9), naive.percentile(99), mine.won, naive.won, books ? "balanced" : "UNBALANCED");
        } finally {
            app.close();
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(exit);
    }

    static String sku(String colour, long stock) {
        return "{\"attributes\":{\"colour\":\"" + colour + "\"},\"priceMinor\":19900,\"initialStock\":" + stock + "}";
    }

    static String sale(long sku, long units, Instant now) {
        return "{\"name\":\"Hot SKU flash sale\",\"skuId\":" + sku + ",\"priceMinor\":990,\"quantity\":" + units
                + ",\"perBuyerLimit\":1,\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(2)) + "\"}";
    }

    /** What a run saw: per-attempt latencies in microseconds, wins, refusals by kind, wall time. */
    record Run(long[] micros, long won, Map<String, Long> refusals, long wallNanos) {

        long perSecond() {
            return Math.round(micros.length / (wallNanos / 1e9));
        }

        String percentile(double p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return String.format("%.2f", sorted[Math.max(0, index)] / 1000.0);
        }
    }

    interface Attempt {
        /** @return null when won, else the kind of refusal */
        String run(int index) throws Exception;
    }

    static Run mercato(FlashSales sales, long saleId, int attempts, int buyers, int concurrency, long firstBuyer,
            boolean progress) throws Exception {
        String keys = UUID.randomUUID().toString();
        return race(attempts, concurrency, progress, index -> {
            try {
                sales.attempt(new Actor(firstBuyer + index % buyers, Role.BUYER), saleId, 1, ADDRESS, keys + index);
                return null;
            } catch (DomainException refused) {
                return refused.text() == null ? refused.getClass().getSimpleName() : refused.text().key();
            }
        });
    }

    static Run baseline(DataSource pool, long skuId, int attempts, int concurrency, boolean progress) throws Exception {
        return race(attempts, concurrency, progress, index -> {
            try (Connection connection = pool.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE inventory.stock SET reserved = reserved + 1 WHERE sku_id = ? AND on_hand - reserved >= 1")) {
                connection.setAutoCommit(true);
                update.setLong(1, skuId);
                return update.executeUpdate() == 1 ? null : "sold out";
            }
        });
    }

    static Run race(int attempts, int concurrency, boolean progress, Attempt attempt) throws Exception {
        long[] micros = new long[attempts];
        AtomicInteger next = new AtomicInteger();
        LongAdder won = new LongAdder();
        Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        Thread[] workers = new Thread[concurrency];
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers[w] = Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String refusal;
                    try {
                        refusal = attempt.run(i);
                    } catch (Exception e) {
                        refusal = "error " + e.getClass().getSimpleName();
                        if (errors.incrementAndGet() <= 3) {
                            e.printStackTrace();
                        }
                    }
                    micros[i] = (System.nanoTime() - t0) / 1_000;
                    if (refusal == null) {
                        won.increment();
                    } else {
                        refusals.computeIfAbsent(refusal, k -> new LongAdder()).increment();
                    }
                }
            });
        }
        while (true) {
            boolean alive = false;
            for (Thread worker : workers) {
                alive |= worker.join(Duration.ofSeconds(1)) ? false : true;
                if (alive) {
                    break;
                }
            }
            if (!alive) {
                break;
            }
            if (progress) {
                log(String.format("  %,d / %,d attempts, %,d won", Math.min(next.get(), attempts), attempts, won.sum()));
            }
        }
        long wall = System.nanoTime() - started;
        Map<String, Long> byKind = new TreeMap<>();
        refusals.forEach((k, v) -> byKind.put(k, v.sum()));
        return new Run(micros, won.sum(), byKind, wall);
    }

    static String login(String base, String email, String password) throws Exception {
        String session = call(base, null, "POST", "/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(session);
        if (!token.find()) {
            throw new IllegalStateException("login of " + email + ": " + session);
        }
        return token.group(1);
    }

    static long id(String json) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(1));
    }

    static String call(String base, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static void log(String line) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }
}
