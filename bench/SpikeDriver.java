import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An 11.11-style spike over HTTP against one or more running Mercato instances (JDK only:
 * {@code java bench/SpikeDriver.java --url http://127.0.0.1:8080[,http://127.0.0.1:8081] ...}).
 *
 * <p>Set-up (untimed): a seller with a store, a hot SKU on a flash sale ({@code --units}, limit 1 per buyer) and an
 * ordinary SKU, and {@code --buyers} registered buyers. Load (timed): {@code --peak} workers started evenly over
 * {@code --ramp} seconds (idle to peak), each repeatedly taking a random buyer and one operation of the mix — browse
 * (product list, the flash sale), cart (put the ordinary SKU), checkout (one unit of it) and flash-sale attempts —
 * against the instances in turn, for {@code --duration} seconds; progress every second. Reports per operation:
 * count, per second, p50/p99/p999 latency; and the answers by class (2xx, 409, 429, other 4xx, 5xx, connection
 * errors). Then checks: sold + remaining = quantity and the sale's books balance; every claim a buyer was told they
 * won (201) is among their claims; every order a buyer was told was placed (201) exists.
 *
 * <p>With {@code --kill-pid P --kill-after S} it sends SIGKILL to process P after S seconds of load, stops the load
 * two seconds later and writes what was acknowledged to {@code --state}; {@code --verify --state F --url U} later
 * (against the restarted platform) runs only the checks. Ends with one line {@code RESULT ...}.
 */
public class SpikeDriver {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADDRESS = "{\"recipient\":\"Li Lei\",\"phone\":\"13800138000\",\"line1\":\"1 Wensan Road\","
            + "\"city\":\"Hangzhou\",\"country\":\"CN\"}";
    static final String[] OPS = {"browse", "cart", "checkout", "flash"};

    record Reply(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--verify") || args[i].equals("--quick")) {
                o.put(args[i].substring(2), "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i].substring(2), args[++i]);
            }
        }
        boolean quick = o.containsKey("quick");
        List<String> urls = Arrays.stream(o.getOrDefault("url", "http://127.0.0.1:8080").split(","))
                .map(u -> u.replaceAll("/$", "") + "/api/v1").toList();
        Path state = Path.of(o.getOrDefault("state", "spike-state.txt"));
        if (o.containsKey("verify")) {
            System.exit(verify(urls, state) ? 0 : 1);
        }
        int buyers = Integer.parseInt(o.getOrDefault("buyers", quick ? "60" : "300"));
        int peak = Integer.parseInt(o.getOrDefault("peak", quick ? "48" : "200"));
        int ramp = Integer.parseInt(o.getOrDefault("ramp", "5"));
        int duration = Integer.parseInt(o.getOrDefault("duration", quick ? "30" : "60"));
        int units = Integer.parseInt(o.getOrDefault("units", quick ? "40" : "200"));
        long killPid = Long.parseLong(o.getOrDefault("kill-pid", "0"));
        int killAfter = Integer.parseInt(o.getOrDefault("kill-after", "0"));

        String base = urls.getFirst();
        log("set-up on " + String.join(", ", urls));
        String operator = login(base, o.getOrDefault("operator-email", "operator@mercato.demo"),
                o.getOrDefault("operator-password", "operator-demo-2026"));
        String sellerEmail = "spike-seller-" + UUID.randomUUID() + "@spike.mercato";
        send(base, null, "POST", "/accounts", "{\"email\":\"" + sellerEmail + "\",\"password\":\"spike-password-1\","
                + "\"displayName\":\"Spike seller\",\"role\":\"SELLER\"}", null, 201);
        String seller = login(base, sellerEmail, "spike-password-1");
        long store = id(send(base, seller, "POST", "/stores", "{\"name\":\"Spike store\",\"kind\":\"TAOBAO\"}", null, 201));
        long category = id(send(base, operator, "POST", "/operator/categories",
                "{\"name\":\"Spike " + UUID.randomUUID() + "\",\"commissionBasisPoints\":0}", null, 201));
        String product = send(base, seller, "POST", "/stores/" + store + "/products", "{\"title\":\"Festival hot SKU\","
                + "\"description\":\"The one everyone wants\",\"categoryId\":" + category
                + ",\"images\":[\"https://img.example.com/p.jpg\"],\"skus\":[{\"attributes\":{\"colour\":\"red\"},"
                + "\"priceMinor\":19900,\"initialStock\":" + units + "},{\"attributes\":{\"colour\":\"blue\"},"
                + "\"priceMinor\":1000,\"initialStock\":1000000}]}", null, 201);
        String listed = send(base, seller, "POST", "/products/" + id(product) + "/listing", null, null, 200);
        long[] skus = Pattern.compile("\\{\"id\":(\\d+)").matcher(listed.substring(listed.indexOf("\"skus\"")))
                .results().mapToLong(r -> Long.parseLong(r.group(1))).limit(2).toArray();
        long hotSku = skus[0];
        long plainSku = skus[1];
        Instant now = Instant.now();
        long sale = id(send(base, seller, "POST", "/flash-sales", "{\"name\":\"11.11 spike\",\"skuId\":" + hotSku
                + ",\"priceMinor\":990,\"quantity\":" + units + ",\"perBuyerLimit\":1,\"startsAt\":\"" + now
                + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(3)) + "\"}", null, 201));
        log("flash sale " + sale + " of " + units + " units on SKU " + hotSku + "; ordinary SKU " + plainSku
                + "; registering " + buyers + " buyers");
        String[] tokens = new String[buyers];
        AtomicInteger registered = new AtomicInteger();
        List<Thread> registrars = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            registrars.add(Thread.ofPlatform().start(() -> {
                for (int b = registered.getAndIncrement(); b < buyers; b = registered.getAndIncrement()) {
                    String email = "spike-buyer-" + b + "-" + UUID.randomUUID() + "@spike.mercato";
                    try {
                        String url = urls.get(b % urls.size());
                        send(url, null, "POST", "/accounts", "{\"email\":\"" + email + "\",\"password\":\"spike-password-1\","
                                + "\"displayName\":\"Buyer " + b + "\",\"role\":\"BUYER\"}", null, 201);
                        tokens[b] = login(url, email, "spike-password-1");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : registrars) {
            t.join();
        }

        // The spike.
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, LongAdder> classes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        for (String op : OPS) {
            latencies.put(op, new ConcurrentLinkedQueue<>());
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger active = new AtomicInteger();
        LongAdder done = new LongAdder();
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(duration).toNanos();
        List<Thread> workers = new ArrayList<>();
        log("spike: 0 → " + peak + " workers in " + ramp + " s, " + duration + " s in all");
        for (int w = 0; w < peak; w++) {
            long startAt = started + (long) (ramp * 1e9 * w / peak);
            workers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < startAt) {
                    sleep(5);
                }
                active.incrementAndGet();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get() && System.nanoTime() < end) {
                    int b = random.nextInt(buyers);
                    String url = urls.get(random.nextInt(urls.size()));
                    int pick = random.nextInt(100);
                    String op = pick < 50 ? "browse" : pick < 70 ? "cart" : pick < 80 ? "checkout" : "flash";
                    long t0 = System.nanoTime();
                    Reply reply;
                    try {
                        reply = switch (op) {
                            case "browse" -> call(url, tokens[b], "GET", random.nextBoolean() ? "/products?size=20"
                                    : "/flash-sales/" + sale, null, null);
                            case "cart" -> call(url, tokens[b], "PUT", "/cart/items/" + plainSku, "{\"quantity\":1}", null);
                            case "checkout" -> call(url, tokens[b], "POST", "/checkouts", "{\"address\":" + ADDRESS
                                    + ",\"items\":[{\"skuId\":" + plainSku + ",\"quantity\":1}]}", UUID.randomUUID().toString());
                            default -> call(url, tokens[b], "POST", "/flash-sales/" + sale + "/attempts",
                                    "{\"quantity\":1,\"address\":" + ADDRESS + "}", UUID.randomUUID().toString());
                        };
                    } catch (IOException | InterruptedException e) {
                        reply = new Reply(-1, e.getClass().getSimpleName());
                    }
                    latencies.get(op).add((System.nanoTime() - t0) / 1_000);
                    classes.computeIfAbsent(op + " " + statusClass(reply.status()), k -> new LongAdder()).increment();
                    done.increment();
                    if (reply.status() == 201 && op.equals("checkout")) {
                        Matcher order = Pattern.compile("\"orders\":\\[\\{\"id\":(\\d+)").matcher(reply.body());
                        if (order.find()) {
                            acknowledged.add("order " + b + " " + order.group(1));
                        }
                    } else if (reply.status() == 201 && op.equals("flash")) {
                        acknowledged.add("claim " + b + " " + id(reply.body()));
                    }
                    if (reply.status() < 0) {
                        sleep(100);
                    }
                }
                active.decrementAndGet();
            }));
        }
        boolean killed = false;
        long last = 0;
        while (workers.stream().anyMatch(Thread::isAlive)) {
            sleep(1000);
            long elapsed = (System.nanoTime() - started) / 1_000_000_000;
            long total = done.sum();
            log(String.format("  %3d s: %3d workers, %,7d requests (%,d/s), %,d claims and orders acknowledged, errors %d",
                    elapsed, active.get(), total, total - last, acknowledged.size(),
                    classes.entrySet().stream().filter(e -> e.getKey().endsWith("5xx") || e.getKey().endsWith("io"))
                            .mapToLong(e -> e.getValue().sum()).sum()));
            last = total;
            if (killPid > 0 && !killed && elapsed >= killAfter) {
                killed = true;
                log("SIGKILL to the platform (pid " + killPid + ") in the middle of the sale");
                ProcessHandle.of(killPid).ifPresent(ProcessHandle::destroyForcibly);
                Thread.ofVirtual().start(() -> {
                    sleep(2000);
                    stop.set(true);
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log("per operation (latency in ms):");
        for (String op : OPS) {
            long[] l = latencies.get(op).stream().mapToLong(Long::longValue).sorted().toArray();
            log(String.format("  %-8s %,8d requests %,7.0f/s  p50 %7.1f  p99 %7.1f  p999 %7.1f", op, l.length, l.length / seconds,
                    pct(l, 50), pct(l, 99), pct(l, 99.9)));
        }
        log("answers by class: " + new TreeMap<>(classes));
        List<String> lines = new ArrayList<>();
        lines.add("sale " + sale + " " + units + " " + hotSku);
        lines.add("operator " + operator);
        for (int b = 0; b < buyers; b++) {
            lines.add("buyer " + b + " " + tokens[b]);
        }
        lines.addAll(acknowledged);
        Files.write(state, lines);
        long[] all = latencies.values().stream().flatMap(q -> q.stream()).mapToLong(Long::longValue).sorted().toArray();
        long[] flash = latencies.get("flash").stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("RESULT requests_per_s=%.0f p99_ms=%.1f flash_p99_ms=%.1f acknowledged=%d errors_5xx=%d%n",
                all.length / seconds, pct(all, 99), pct(flash, 99), acknowledged.size(),
                classes.entrySet().stream().filter(e -> e.getKey().endsWith("5xx")).mapToLong(e -> e.getValue().sum()).sum());
        if (killPid > 0) {
            return; // the checks run with --verify once the platform is back
        }
        System.exit(verify(urls, state) ? 0 : 1);
    }

    /** Checks the books of the sale and that every acknowledged claim and order exists. */
    static boolean verify(List<String> urls, Path state) throws Exception {
        List<String> lines = Files.readAllLines(state);
        String[] head = lines.getFirst().split(" ");
        long sale = Long.parseLong(head[1]);
        long units = Long.parseLong(head[2]);
        String operator = lines.get(1).split(" ")[1];
        Map<Integer, String> tokens = new TreeMap<>();
        List<String[]> acks = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split(" ");
            if (f[0].equals("buyer")) {
                tokens.put(Integer.parseInt(f[1]), f[2]);
            } else {
                acks.add(f);
            }
        }
        String base = urls.getFirst();
        // Claims left without an order (a crash between the claim and its order) are placed by the sweep: wait for it.
        String tally = "";
        for (int i = 0; i < 60; i++) {
            tally = send(base, operator, "GET", "/flash-sales/" + sale + "/tally", null, null, 200);
            if (tally.contains("\"won\":0,")) {
                break;
            }
            sleep(500);
        }
        String view = send(base, null, "GET", "/flash-sales/" + sale, null, null, 200);
        long sold = number(view, "sold");
        long remaining = number(view, "remaining");
        boolean books = sold + remaining == units && tally.contains("\"balances\":true") && sold <= units;
        log("sale " + sale + ": sold " + sold + " + remaining " + remaining + " = " + (sold + remaining) + " of " + units
                + "; books " + tally);
        long missingClaims = 0;
        long missingOrders = 0;
        Map<Integer, String> claimsOf = new TreeMap<>();
        for (String[] ack : acks) {
            int buyer = Integer.parseInt(ack[1]);
            if (ack[0].equals("claim")) {
                String claims = claimsOf.computeIfAbsent(buyer, b -> {
                    try {
                        return send(base, tokens.get(b), "GET", "/flash-sales/" + sale + "/claims", null, null, 200);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (!claims.contains("\"id\":" + ack[2] + ",")) {
                    missingClaims++;
                }
            } else if (call(base, tokens.get(buyer), "GET", "/orders/" + ack[2], null, null).status() != 200) {
                missingOrders++;
            }
        }
        long claims = acks.stream().filter(a -> a[0].equals("claim")).count();
        log("acknowledged: " + claims + " claims (" + missingClaims + " missing), " + (acks.size() - claims)
                + " orders (" + missingOrders + " missing); claims acknowledged ≤ sold: " + (claims <= sold));
        boolean ok = books && missingClaims == 0 && missingOrders == 0 && claims <= sold;
        System.out.println("CHECK books=" + (books ? "balanced" : "UNBALANCED") + " sold=" + sold + " remaining="
                + remaining + " quantity=" + units + " acknowledged_claims=" + claims + " missing_claims=" + missingClaims
                + " acknowledged_orders=" + (acks.size() - claims) + " missing_orders=" + missingOrders
                + " result=" + (ok ? "PASS" : "FAIL"));
        return ok;
    }

    static String statusClass(int status) {
        if (status < 0) {
            return "io";
        }
        if (status == 409 || status == 429) {
            return String.valueOf(status);
        }
        return status / 100 + "xx";
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[index] / 1000.0;
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static long id(String json) {
        return number(json, "id");
    }

    static String login(String base, String email, String password) throws Exception {
        String session = send(base, null, "POST", "/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null, 201);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(session);
        if (!token.find()) {
            throw new IllegalStateException("login of " + email + ": " + session);
        }
        return token.group(1);
    }

    static Reply call(String base, String token, String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static String send(String base, String token, String method, String path, String body, String key, int expected)
            throws Exception {
        Reply reply = call(base, token, method, path, body, key);
        if (reply.status() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String line) {
        System.out.println("[spike " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }
}
