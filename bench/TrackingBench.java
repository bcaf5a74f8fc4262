import io.mercato.fulfillment.CarrierSimulator;
import io.mercato.fulfillment.EventKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tracking benchmark driver: sets up a carrier, a seller with a warehouse and template, and paid orders packed into
 * parcels, all over the platform's HTTP API; then workers post signed tracking events through the carriers' webhook
 * with the project's {@link CarrierSimulator} (HMAC over each body, a fresh timestamp, a fresh event id; one event in
 * twenty re-sends an earlier event id, which the platform accepts as a duplicate), in a closed loop. Events never say
 * DELIVERED, so the load is the intake itself, not order transitions.
 *
 * <p>Run with {@code bench/tracking [--quick]}; ends with one line
 * {@code RESULT events=… seconds=… concurrency=… events_per_s=… p50_ms=… p99_ms=… errors=…}.
 */
public class TrackingBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final EventKind[] KINDS = {EventKind.COLLECTED, EventKind.SORTING_CENTRE, EventKind.LINE_HAUL,
            EventKind.CUSTOMS, EventKind.OUT_FOR_DELIVERY};

    final URI base;
    final AtomicInteger errors = new AtomicInteger();
    final AtomicLong lastError = new AtomicLong();

    TrackingBench(URI base) {
        this.base = base;
    }

    record Reply(int status, String body) {
    }

    Reply call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    Reply expect(int status, String method, String path, String token, String json) throws Exception {
        Reply reply = call(method, path, token, json);
        if (reply.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    static String first(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + regex + " in " + body);
        }
        return m.group(1);
    }

    String login(String email, String password) throws Exception {
        return first(expect(201, "POST", "/api/v1/sessions", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").body(), "\"token\":\"([^\"]+)\"");
    }

    String account(String role) throws Exception {
        String email = "bench-" + role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.mercato";
        expect(201, "POST", "/api/v1/accounts", null, "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\","
                + "\"displayName\":\"Bench " + role + "\",\"role\":\"" + role + "\"}");
        return login(email, "correct-horse-9");
    }

    record Setup(CarrierSimulator carrier, List<String> trackingNumbers) {
    }

    Setup setUp(int parcels, String operatorEmail, String operatorPassword) throws Exception {
        String operator = login(operatorEmail, operatorPassword);
        String code = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
        String carrier = expect(201, "POST", "/api/v1/operator/fulfillment/carriers", operator,
                "{\"code\":\"" + code + "\",\"name\":\"Bench Express\"}").body();
        long carrierId = Long.parseLong(first(carrier, "\"id\":(\\d+)"));
        String secret = first(carrier, "\"secret\":\"([^\"]+)\"");
        long service = Long.parseLong(first(expect(201, "POST", "/api/v1/operator/fulfillment/services", operator,
                "{\"carrierId\":" + carrierId + ",\"code\":\"ND\",\"kind\":\"NEXT_DAY\",\"name\":\"Next day\"}").body(), "\"id\":(\\d+)"));
        expect(200, "PUT", "/api/v1/operator/fulfillment/lanes", operator,
                "{\"serviceId\":" + service + ",\"origin\":\"CN-ZHEJIANG\",\"destination\":\"CN\",\"transitDays\":1}");
        long category = Long.parseLong(first(expect(201, "POST", "/api/v1/operator/categories", operator,
                "{\"name\":\"Bench " + code + "\",\"commissionBasisPoints\":0}").body(), "\"id\":(\\d+)"));

        String seller = account("SELLER");
        long store = Long.parseLong(first(expect(201, "POST", "/api/v1/stores", seller,
                "{\"name\":\"Bench store " + code + "\",\"kind\":\"TAOBAO\"}").body(), "\"id\":(\\d+)"));
        long warehouse = Long.parseLong(first(expect(201, "POST", "/api/v1/fulfillment/warehouses", seller,
                "{\"storeId\":" + store + ",\"name\":\"Bench DC\",\"city\":\"Hangzhou\",\"province\":\"Zhejiang\",\"country\":\"CN\","
                        + "\"timeZone\":\"Asia/Shanghai\",\"cutoff\":\"16:00\",\"hub\":false}").body(), "\"id\":(\\d+)"));
        expect(200, "PUT", "/api/v1/fulfillment/stores/" + store + "/template", seller,
                "{\"warehouseId\":" + warehouse + ",\"serviceId\":" + service + ",\"rates\":[]}");
        String product = expect(201, "POST", "/api/v1/stores/" + store + "/products", seller,
                "{\"title\":\"Bench parcel\",\"description\":\"For the tracking benchmark\",\"categoryId\":" + category
                        + ",\"images\":[],\"skus\":[{\"attributes\":{\"colour\":\"red\"},\"priceMinor\":100,\"initialStock\":100000}]}").body();
        long productId = Long.parseLong(first(product, "\"id\":(\\d+)"));
        long sku = Long.parseLong(first(product, "\"skus\":\\[\\{\"id\":(\\d+)"));
        expect(200, "POST", "/api/v1/products/" + productId + "/listing", seller, null);

        String buyer = account("BUYER");
        expect(201, "POST", "/api/v1/wallet/top-ups", buyer, "{\"amountMinor\":" + (parcels * 100L + 100) + ",\"currency\":\"CNY\"}");
        String address = "{\"recipient\":\"Li Lei\",\"phone\":\"+86 138 0013 8000\",\"line1\":\"1 Wensan Road\","
                + "\"city\":\"Hangzhou\",\"province\":\"Zhejiang\",\"country\":\"CN\"}";
        List<String> tracking = new ArrayList<>();
        for (int i = 0; i < parcels; i++) {
            String placed = expect(201, "POST", "/api/v1/checkouts", buyer,
                    "{\"address\":" + address + ",\"items\":[{\"skuId\":" + sku + ",\"quantity\":1}]}").body();
            long order = Long.parseLong(first(placed, "\"orders\":\\[\\{\"id\":(\\d+)"));
            long line = Long.parseLong(first(placed, "\"lines\":\\[\\{\"id\":(\\d+)"));
            expect(200, "POST", "/api/v1/orders/" + order + "/payment", buyer, null);
            tracking.add(first(expect(201, "POST", "/api/v1/orders/" + order + "/parcels", seller,
                    "{\"lines\":[{\"lineId\":" + line + ",\"quantity\":1}]}").body(), "\"trackingNumber\":\"([^\"]+)\""));
        }
        return new Setup(new CarrierSimulator(HTTP, base, code, secret), tracking);
    }

    static final class Recorder {
        long[] latencies = new long[1 << 16];
        int count;

        void add(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    List<Recorder> run(Setup setup, int concurrency, double seconds, String phase) throws InterruptedException {
        return run(setup, concurrency, seconds, phase, 1);
    }

    /**
     * With {@code batch} above one, each request carries that many events under one signature
     * ({@code /event-batches}); each event taken counts, with the batch's round trip as its latency.
     */
    List<Recorder> run(Setup setup, int concurrency, double seconds, String phase, int batch)
            throws InterruptedException {
        List<Recorder> recorders = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int w = 0; w < concurrency; w++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            long seed = 7919L * (w + 1) + phase.hashCode();
            Thread.ofVirtual().start(() -> {
                Random random = new Random(seed);
                List<String> sent = new ArrayList<>();
                List<String> pending = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        String tracking = setup.trackingNumbers().get(random.nextInt(setup.trackingNumbers().size()));
                        Instant now = Instant.now();
                        String eventId;
                        String location;
                        if (!sent.isEmpty() && random.nextInt(20) == 0) {
                            eventId = sent.get(random.nextInt(sent.size()));
                            location = "Retry " + random.nextInt(1_000_000);
                        } else {
                            eventId = UUID.randomUUID().toString();
                            location = "Hub " + random.nextInt(100);
                            if (sent.size() < 1000) {
                                sent.add(eventId);
                            }
                        }
                        String body = CarrierSimulator.body(eventId, tracking, KINDS[random.nextInt(KINDS.length)],
                                now.minusSeconds(random.nextInt(3600)), location);
                        if (batch > 1) {
                            pending.add(body);
                            if (pending.size() < batch) {
                                continue;
                            }
                            long started = System.nanoTime();
                            HttpResponse<String> reply = setup.carrier().send(setup.carrier().batchRequest(
                                    CarrierSimulator.batchBody(pending), now.getEpochSecond()));
                            long took = System.nanoTime() - started;
                            if (reply.statusCode() == 200) {
                                int refused = count(reply.body(), "\"status\":\"REFUSED\"");
                                for (int e = 0; e < pending.size() - refused; e++) {
                                    recorder.add(took);
                                }
                                if (refused > 0 && errors.addAndGet(refused) < 5) {
                                    System.err.println("events refused: " + reply.body());
                                }
                            } else if (errors.addAndGet(pending.size()) < 5 * batch) {
                                System.err.println("batch refused: " + reply.statusCode() + " " + reply.body());
                            }
                            pending.clear();
                            continue;
                        }
                        long started = System.nanoTime();
                        HttpResponse<String> reply = setup.carrier().post(body, now);
                        long took = System.nanoTime() - started;
                        if (reply.statusCode() == 202 || reply.statusCode() == 200) {
                            recorder.add(took);
                        } else if (errors.incrementAndGet() < 5) {
                            System.err.println("event refused: " + reply.statusCode() + " " + reply.body());
                        }
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    System.err.println("worker stopped: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return recorders;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            opts.put(args[i].substring(2), i + 1 < args.length ? args[++i] : "");
        }
        URI url = URI.create(opts.getOrDefault("url", "http://127.0.0.1:8080"));
        if (!List.of("127.0.0.1", "localhost").contains(url.getHost())) {
            throw new IllegalArgumentException("The driver only targets localhost, not " + url.getHost());
        }
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "16"));
        double seconds = Double.parseDouble(opts.getOrDefault("duration", "60"));
        double warmup = Double.parseDouble(opts.getOrDefault("warmup", "20"));
        int parcels = Integer.parseInt(opts.getOrDefault("parcels", "200"));
        int batch = Integer.parseInt(opts.getOrDefault("batch", "1"));
        TrackingBench bench = new TrackingBench(url);
        long setupStarted = System.nanoTime();
        Setup setup = bench.setUp(parcels, opts.getOrDefault("operator-email", "operator@mercato.demo"),
                opts.getOrDefault("operator-password", "operator-demo-2026"));
        System.err.printf(Locale.ROOT, "set up %d parcels in %.1f s%n", parcels, (System.nanoTime() - setupStarted) / 1e9);
        if (warmup > 0) {
            bench.run(setup, concurrency, warmup, "warm-up", batch);
        }
        bench.errors.set(0);
        long started = System.nanoTime();
        List<Recorder> recorders = bench.run(setup, concurrency, seconds, "load", batch);
        double elapsed = Math.min((System.nanoTime() - started) / 1e9, seconds);
        int total = recorders.stream().mapToInt(r -> r.count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.latencies, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        double rate = total / elapsed;
        System.err.printf(Locale.ROOT, "load: %d events in %.1f s with %d workers, %d event(s) per request: %.1f events/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                total, elapsed, concurrency, batch, rate, percentile(all, 50), percentile(all, 99), percentile(all, 100));
        System.out.printf(Locale.ROOT, "RESULT events=%d seconds=%.1f concurrency=%d batch=%d events_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d%n",
                total, elapsed, concurrency, batch, rate, percentile(all, 50), percentile(all, 99), bench.errors.get());
    }
}
