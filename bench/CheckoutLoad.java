import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checkout load driver for Mercato. Single file, JDK only: run with {@code java bench/CheckoutLoad.java --url ...}.
 *
 * <p>Set-up (untimed): an operator-made category, {@code --stores} sellers (16 by default) with a Taobao store
 * each, products with many SKUs and ample stock spread over them, and one funded buyer per worker. Load (timed): every
 * worker repeatedly places a checkout for one SKU of its own and pays the order, as its own buyer. Each order's latency
 * is checkout + payment.
 *
 * <p>The driver shares the machine with the platform, so it is kept cheap: one keep-alive HTTP/1.1 connection per
 * worker written and read by hand (no client library, no regular expressions), request bodies built from constant
 * parts. With {@code --platform-pid} and {@code --postgres-pid} it reads the CPU time of the platform, of PostgreSQL
 * (the postmaster and its backends) and of itself from /proc at the start and end of the measured phase; with
 * {@code --psql} it also reads statements (pg_stat_statements, BEGIN/COMMIT not counted) and commits
 * (pg_stat_database) over the phase, each reported per order.
 *
 * <p>Ends with one machine-readable line: {@code RESULT orders=... orders_per_s=... p50_ms=... p99_ms=... ...}.
 */
public class CheckoutLoad {

    static final long PRICE_MINOR = 100;
    static final long TOP_UP_MINOR = 5_000_000;
    static final int SKUS_PER_PRODUCT = 200;
    static final int MAX_ERRORS = 50;
    static final int MAX_ORDERS_PER_WORKER = 200_000;

    final String host;
    final int port;
    final ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> null);

    CheckoutLoad(URI base) {
        this.host = base.getHost().replace("[", "").replace("]", "");
        this.port = base.getPort() < 0 ? 80 : base.getPort();
    }

    record Reply(int status, String body) {
    }

    /** One keep-alive HTTP/1.1 connection: requests are written whole, responses read by Content-Length or chunks. */
    static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] hostHeader;
        boolean open = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        Reply post(String path, String token, byte[] body, String idempotencyKey) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream(512 + body.length);
            request.writeBytes(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(hostHeader);
            request.writeBytes(FIXED_HEADERS);
            request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (token != null) {
                request.writeBytes(("Authorization: Bearer " + token + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (idempotencyKey != null) {
                request.writeBytes(("Idempotency-Key: " + idempotencyKey + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes(CRLF);
            request.writeBytes(body);
            request.writeTo(out);
            out.flush();
            return read();
        }

        private Reply read() throws IOException {
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("Bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon);
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase().contains("chunked");
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    open = false;
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    all.writeBytes(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
                body = all.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
            } else {
                body = in.readAllBytes();
                open = false;
            }
            return new Reply(status, new String(body, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);
        static final byte[] FIXED_HEADERS = "Content-Type: application/json\r\nAccept: application/json\r\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs on this thread's connection, opening a new one when the server closed the last (or it broke). */
    Reply post(String path, String token, byte[] json, String idempotencyKey) throws IOException {
        Connection connection = connections.get();
        if (connection == null || !connection.open) {
            if (connection != null) {
                connection.close();
            }
            connection = new Connection(host, port);
            connections.set(connection);
        }
        try {
            return connection.post(path, token, json, idempotencyKey);
        } catch (IOException e) {
            connection.close();
            connections.set(null);
            throw e;
        } finally {
            if (!connection.open) {
                connection.close();
                connections.set(null);
            }
        }
    }

    Reply post(String path, String token, String json, String idempotencyKey) throws IOException {
        return post(path, token, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), idempotencyKey);
    }

    Reply expect(int status, String path, String token, String json) throws Exception {
        Reply reply = post(path, token, json, null);
        if (reply.status() != status) {
            throw new IllegalStateException("POST " + path + " gave " + reply.status() + " (wanted " + status + "): "
                    + abbreviate(reply.body()));
        }
        return reply;
    }

    /** The text of {@code "name":"…"} after {@code from}, or null (Jackson writes compact JSON; values here hold no quotes). */
    static String text(String body, String name, int from) {
        String marker = "\"" + name + "\":\"";
        int at = body.indexOf(marker, from);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length();
        int end = body.indexOf('"', start);
        return end < 0 ? null : body.substring(start, end);
    }

    /** The whole number right after {@code marker} at or after {@code from}, or -1. */
    static long number(String body, String marker, int from) {
        int at = body.indexOf(marker, from);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = at + marker.length(); i < body.length() && Character.isDigit(body.charAt(i)); i++, digits++) {
            value = value * 10 + (body.charAt(i) - '0');
        }
        return digits == 0 ? -1 : value;
    }

    static long required(long value, String what, String body) {
        if (value < 0) {
            throw new IllegalStateException("No " + what + " in response: " + abbreviate(body));
        }
        return value;
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
        String token = text(reply.body(), "token", 0);
        if (token == null) {
            throw new IllegalStateException("No token in response: " + abbreviate(reply.body()));
        }
        return token;
    }

    // ---------------------------------------------------------------------------------------------------------

    record Setup(List<String> buyerTokens, List<Long> skuIds) {
    }

    Setup setUp(int buyers, int skus, int stores, String operatorEmail, String operatorPassword) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        long t0 = System.nanoTime();
        String password = "bench-password-" + run;

        String operator = logIn(operatorEmail, operatorPassword);
        String category = expect(201, "/api/v1/operator/categories", operator,
                "{\"name\":\"Bench " + run + "\",\"commissionBasisPoints\":200}").body();
        long categoryId = required(number(category, "\"id\":", 0), "category id", category);
        // Orders spread over several merchants, as on a marketplace: each merchant's escrow is its own ledger row.
        List<String> sellers = new ArrayList<>();
        List<Long> storeIds = new ArrayList<>();
        for (int st = 0; st < stores; st++) {
            String seller = register("bench-seller-" + run + "-" + st + "@bench.example", password, "SELLER");
            sellers.add(seller);
            String store = expect(201, "/api/v1/stores", seller,
                    "{\"name\":\"Bench store " + run + "-" + st + "\",\"kind\":\"TAOBAO\"}").body();
            storeIds.add(required(number(store, "\"id\":", 0), "store id", store));
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
            long productId = required(number(body, "\"id\":", 0), "product id", body);
            int found = 0;
            for (int at = body.indexOf("{\"id\":"); at >= 0; at = body.indexOf("{\"id\":", at + 1)) {
                long id = number(body, "{\"id\":", at);
                int after = body.indexOf(',', at);
                if (id >= 0 && body.startsWith("\"productId\"", after + 1)) {
                    skuIds.add(id);
                    found++;
                }
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

    static final byte[] CHECKOUT_HEAD = ("{\"address\":" + ADDRESS + ",\"items\":[{\"skuId\":")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] CHECKOUT_TAIL = ",\"quantity\":1}]}".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EMPTY = new byte[0];

    /** Unique per run, worker and request: the keys are never reused, so every request is a first attempt. */
    final String keyPrefix = Long.toString(System.currentTimeMillis(), 36) + "-";
    final AtomicLong keys = new AtomicLong();

    /** One order: checkout then payment. Returns {checkoutNanos, payNanos}, or null on failure. */
    long[] order(String token, long skuId) throws IOException {
        byte[] sku = Long.toString(skuId).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[CHECKOUT_HEAD.length + sku.length + CHECKOUT_TAIL.length];
        System.arraycopy(CHECKOUT_HEAD, 0, body, 0, CHECKOUT_HEAD.length);
        System.arraycopy(sku, 0, body, CHECKOUT_HEAD.length, sku.length);
        System.arraycopy(CHECKOUT_TAIL, 0, body, CHECKOUT_HEAD.length + sku.length, CHECKOUT_TAIL.length);
        long t0 = System.nanoTime();
        Reply placed = post("/api/v1/checkouts", token, body, keyPrefix + keys.incrementAndGet());
        long t1 = System.nanoTime();
        if (placed.status() != 201) {
            fail("checkout " + placed.status() + ": " + abbreviate(placed.body()));
            return null;
        }
        long orderId = number(placed.body(), "\"orders\":[{\"id\":", 0);
        if (orderId < 0) {
            fail("no order id in checkout: " + abbreviate(placed.body()));
            return null;
        }
        Reply paid = post("/api/v1/orders/" + orderId + "/payment", token, EMPTY, keyPrefix + keys.incrementAndGet());
        long t2 = System.nanoTime();
        if (paid.status() != 200 || !paid.body().contains("\"status\":\"PAID\"")) {
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
                        long[] took;
                        try {
                            took = order(token, skus.get(index % skus.size()));
                        } catch (IOException e) {
                            fail("connection: " + e);
                            took = null;
                        }
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

    /**
     * CPU time from /proc (the platform JVM, PostgreSQL's postmaster with its backends, this driver) and, through
     * psql, PostgreSQL's statement and commit counters. Each part is read only when given.
     */
    static final class Usage {
        static final String COUNTERS = "SELECT (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                + " WHERE query !~* '^\\s*(begin|commit|rollback|start transaction)\\M'),"
                + " (SELECT sum(xact_commit) FROM pg_stat_database)";

        record Snapshot(long platformTicks, long jitTicks, long postgresTicks, long driverTicks, long statements,
                long commits, double ticksPerSecond, boolean cpu, boolean counters) {

            String perOrder(Snapshot before, long orders) {
                StringBuilder out = new StringBuilder();
                if (cpu) {
                    out.append(String.format(java.util.Locale.ROOT,
                            "cpu_platform_ms=%.2f cpu_jit_ms=%.2f cpu_postgres_ms=%.2f cpu_driver_ms=%.2f",
                            ms(platformTicks - before.platformTicks, orders), ms(jitTicks - before.jitTicks, orders),
                            ms(postgresTicks - before.postgresTicks, orders), ms(driverTicks - before.driverTicks, orders)));
                }
                if (counters && before.counters) {
                    out.append(out.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT,
                            "statements=%.1f commits=%.2f", (statements - before.statements) / (double) orders,
                            (commits - before.commits) / (double) orders));
                }
                return out.toString();
            }

            private double ms(long ticks, long orders) {
                return ticks * 1000.0 / ticksPerSecond / orders;
            }
        }

        final long platformPid;
        final long postgresPid;
        final String psql;
        final double ticksPerSecond;

        Usage(long platformPid, long postgresPid, String psql) throws Exception {
            this.platformPid = platformPid;
            this.postgresPid = postgresPid;
            this.psql = psql == null || psql.isEmpty() ? null : psql;
            this.ticksPerSecond = platformPid > 0 || postgresPid > 0 ? clockTicks() : 100;
        }

        Snapshot snapshot() throws Exception {
            boolean cpu = platformPid > 0 && postgresPid > 0;
            long[] counters = psql == null ? null : counters();
            return new Snapshot(cpu ? own(platformPid) : 0, cpu ? compilers(platformPid) : 0, cpu ? tree(postgresPid) : 0,
                    cpu ? own(ProcessHandle.current().pid()) : 0,
                    counters == null ? 0 : counters[0], counters == null ? 0 : counters[1], ticksPerSecond, cpu,
                    counters != null);
        }

        /** Fields after the command name in /proc/PID/stat: [0] is the state, [1] the parent pid, [11..14] the times. */
        static String[] stat(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException e) {
                return null;
            }
        }

        /** User and system time of the process itself (all its threads). */
        static long own(long pid) {
            String[] f = stat(pid);
            return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** The part of the JVM's time its JIT compiler threads took (included in {@link #own}). */
        static long compilers(long pid) throws IOException {
            long ticks = 0;
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String comm = Files.readString(task.resolve("comm")).strip();
                        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                            String stat = Files.readString(task.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException gone) {
                        // the thread ended between listing and reading
                    }
                }
            }
            return ticks;
        }

        /** The postmaster and its live children, plus the time of the children it has already reaped. */
        static long tree(long pid) throws IOException {
            String[] root = stat(pid);
            if (root == null) {
                return 0;
            }
            long ticks = Long.parseLong(root[11]) + Long.parseLong(root[12]) + Long.parseLong(root[13])
                    + Long.parseLong(root[14]);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f = stat(Long.parseLong(name));
                    if (f != null && Long.parseLong(f[1]) == pid) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                }
            }
            return ticks;
        }

        static double clockTicks() throws Exception {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 && !out.isEmpty() ? Double.parseDouble(out) : 100;
        }

        /** {statements, commits}, or null when psql cannot read them (no pg_stat_statements, say). */
        long[] counters() throws Exception {
            Process run = new ProcessBuilder(psql, "-X", "-A", "-t", "-q", "-F", " ", "-d", "postgres", "-c", COUNTERS)
                    .redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (run.waitFor() != 0 || !out.matches("\\d+ \\d+")) {
                progress("statement counters unavailable: %s", abbreviate(out));
                return null;
            }
            String[] parts = out.split(" ");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        }
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
        CheckoutLoad load = new CheckoutLoad(parsed);
        progress("checkout load: %s, concurrency %d, warm-up %.0f s, measured %.0f s, %d SKUs", url, concurrency, warmup,
                seconds, skus);
        Setup setup = load.setUp(concurrency, skus, stores, opts.getOrDefault("operator-email", "operator@mercato.demo"),
                opts.getOrDefault("operator-password", "operator-demo-2026"));
        if (warmup > 0) {
            load.run(setup, concurrency, warmup, "warm-up");
        }
        load.errors.set(0);
        Usage usage = new Usage(Long.parseLong(opts.getOrDefault("platform-pid", "0")),
                Long.parseLong(opts.getOrDefault("postgres-pid", "0")), opts.get("psql"));
        Usage.Snapshot before = usage.snapshot();
        long started = System.nanoTime();
        List<Recorder> recorders = load.run(setup, concurrency, seconds, "load");
        double elapsed = secs(started);
        Usage.Snapshot after = usage.snapshot();

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
        String perOrder = after.perOrder(before, Math.max(1, total));
        progress("per order: %s", perOrder.isEmpty() ? "(no --platform-pid, --postgres-pid or --psql given)" : perOrder);
        System.out.printf(java.util.Locale.ROOT, "RESULT orders=%d seconds=%.1f concurrency=%d orders_per_s=%.1f p50_ms=%.1f"
                        + " p99_ms=%.1f checkout_p50_ms=%.1f checkout_p99_ms=%.1f pay_p50_ms=%.1f pay_p99_ms=%.1f errors=%d%s%n",
                total, Math.min(elapsed, seconds), concurrency, rate, percentile(all, 50), percentile(all, 99),
                percentile(checkout, 50), percentile(checkout, 99), percentile(pay, 50), percentile(pay, 99),
                load.errors.get(), perOrder.isEmpty() ? "" : " " + perOrder);
    }
}
