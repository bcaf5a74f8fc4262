import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assistant benchmark's driver, against a running platform with its demo marketplace: builds the evaluation
 * fixture over the API (a store, two products, a buyer with a shipped, a paid and an unpaid order, another buyer's
 * order), asks the evaluation set once for the accuracy with no model, then asks its questions from N workers for the
 * measured time (answers/s, p50/p99 of the HTTP round trip), and finally scores the shopping guide against plain
 * keyword search of the same words on the judged set (nDCG@10, graded relevance from the request's category, price
 * range and words, ideal ranking from the pool of both systems' results).
 *
 * Prints RESULT answers_per_s=... p99_ms=... accuracy=... ndcg_guide=... ndcg_keyword=...
 */
public class AssistantBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("--concurrency", "8", "--duration", "60", "--warmup", "10",
                "--eval", "src/test/resources/assistant/eval.json", "--judged", "bench/data/assistant-judged.json"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        base = opts.get("--url");
        String operator = login(System.getenv().getOrDefault("MERCATO_OPERATOR_EMAIL", "operator@mercato.demo"),
                System.getenv().getOrDefault("MERCATO_OPERATOR_PASSWORD", "operator-demo-2026"));

        // The evaluation fixture, as AssistantEvaluationIT builds it.
        String seller = account("SELLER");
        long store = call("POST", "/api/v1/stores", seller, Map.of("name", "Bench kitchen " + UUID.randomUUID().toString()
                .substring(0, 6), "kind", "TAOBAO")).get("id").asLong();
        long category = call("POST", "/api/v1/operator/categories", operator, Map.of("name", "Bench kitchen "
                + UUID.randomUUID().toString().substring(0, 6), "commissionBasisPoints", 300)).get("id").asLong();
        long kettle = product(seller, store, category, "Steel Kettle 不锈钢水壶", 12_900);
        long mug = product(seller, store, category, "Ceramic Mug 陶瓷杯", 3_900);
        String buyer = account("BUYER");
        String other = account("BUYER");
        topUp(buyer);
        topUp(other);
        long otherOrder = paidOrder(other, mug);
        long shipped = paidOrder(buyer, mug);
        call("POST", "/api/v1/orders/" + shipped + "/shipment", seller, Map.of("carrier", "SF Express", "trackingNumber",
                "SF8880001"));
        long paid = paidOrder(buyer, kettle);
        long unpaid = call("POST", "/api/v1/checkouts", buyer, Map.of("address", ADDRESS, "items",
                List.of(Map.of("skuId", mug, "quantity", 1)))).get("orders").get(0).get("id").asLong();
        Map<String, String> ids = Map.of("{paid}", "" + paid, "{shipped}", "" + shipped, "{unpaid}", "" + unpaid,
                "{other}", "" + otherOrder);
        Thread.sleep(2_000); // the new products reach the search index

        JsonNode set = JSON.readTree(Files.readString(Path.of(opts.get("--eval"))));
        int resolved = 0;
        List<String[]> questions = new ArrayList<>();
        for (JsonNode item : set) {
            String q = fill(item.get("q").asString(), ids);
            String lang = item.get("lang").asString().equals("zh") ? "zh-CN" : "en";
            questions.add(new String[] {q, lang});
            JsonNode answer = ask(buyer, q, lang);
            String text = answer.get("text").asString();
            List<String> tools = answer.get("tools").valueStream().map(t -> t.get("name").asString()).toList();
            boolean ok = answer.get("intent").asString().equals(item.get("intent").asString())
                    && (item.get("tool").isNull() || tools.contains(item.get("tool").asString()))
                    && item.get("facts").valueStream().allMatch(f -> text.contains(fill(f.asString(), ids)));
            if (ok) {
                resolved++;
            } else {
                System.out.println("MISS " + q + " -> " + answer.get("intent").asString() + " " + tools + ": " + text);
            }
        }
        double accuracy = (double) resolved / set.size();
        System.out.printf(Locale.ROOT, "EVAL resolved=%d of %d accuracy=%.3f%n", resolved, set.size(), accuracy);

        // Load: the evaluation questions, round robin, from N workers. Refund questions draft proposals only.
        int workers = Integer.parseInt(opts.get("--concurrency"));
        long warmup = Long.parseLong(opts.get("--warmup")) * 1_000_000_000L;
        long measured = Long.parseLong(opts.get("--duration")) * 1_000_000_000L;
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup;
        long end = measureFrom + measured;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int offset = w;
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    String[] q = questions.get(i++ % questions.size());
                    long t0 = System.nanoTime();
                    try {
                        ask(buyer, q[0], q[1]);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && n < mine.length) {
                        mine[n++] = t1 - t0;
                    }
                }
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = all.length / (measured / 1e9);
        double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
        double p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
        System.out.printf(Locale.ROOT, "LOAD answers=%d failures=%d answers_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                all.length, failures.get(), perSecond, p50, p99);

        // The shopping guide against plain keyword search on the judged set.
        Map<Long, String> categories = new HashMap<>();
        for (JsonNode root : call("GET", "/api/v1/categories", buyer, null)) {
            flatten(root, categories);
        }
        JsonNode judged = JSON.readTree(Files.readString(Path.of(opts.get("--judged"))));
        double guideSum = 0;
        double keywordSum = 0;
        for (JsonNode request : judged) {
            String q = request.get("q").asString();
            String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
            List<JsonNode> guided = call("GET", "/api/v1/assistant/guide?size=10&q=" + enc, buyer, null).get("suggestions")
                    .valueStream().map(s -> s.get("product")).toList();
            List<JsonNode> plain = call("GET", "/api/v1/search?size=10&q=" + enc, buyer, null).get("hits").valueStream().toList();
            Map<Long, Integer> pool = new HashMap<>();
            guided.forEach(h -> pool.put(h.get("productId").asLong(), grade(request, h, categories)));
            plain.forEach(h -> pool.put(h.get("productId").asLong(), grade(request, h, categories)));
            List<Integer> ideal = pool.values().stream().sorted((a, b) -> b - a).toList();
            double g = ndcg(guided.stream().map(h -> grade(request, h, categories)).toList(), ideal);
            double k = ndcg(plain.stream().map(h -> grade(request, h, categories)).toList(), ideal);
            guideSum += g;
            keywordSum += k;
            System.out.printf(Locale.ROOT, "JUDGED %-45s guide=%.3f keyword=%.3f (%d / %d results)%n", q, g, k,
                    guided.size(), plain.size());
        }
        System.out.printf(Locale.ROOT, "RESULT answers_per_s=%.1f p99_ms=%.1f accuracy=%.3f ndcg_guide=%.3f ndcg_keyword=%.3f%n",
                perSecond, p99, accuracy, guideSum / judged.size(), keywordSum / judged.size());
    }

    /** 0 outside the category; within it 1, plus 1 for the price range, plus 1 for one of the words in the title. */
    static int grade(JsonNode request, JsonNode hit, Map<Long, String> categories) {
        String category = categories.getOrDefault(hit.get("categoryId").asLong(), "");
        if (!category.toLowerCase(Locale.ROOT).contains(request.get("category").asString().toLowerCase(Locale.ROOT))) {
            return 0;
        }
        long price = hit.get("priceMinor").asLong();
        boolean inRange = (!request.has("minYuan") || price >= request.get("minYuan").asLong() * 100)
                && (!request.has("maxYuan") || price <= request.get("maxYuan").asLong() * 100);
        String title = hit.get("title").asString().toLowerCase(Locale.ROOT);
        boolean word = request.get("words").valueStream().anyMatch(w -> title.contains(w.asString().toLowerCase(Locale.ROOT)));
        return 1 + (inRange ? 1 : 0) + (word ? 1 : 0);
    }

    static double ndcg(List<Integer> grades, List<Integer> ideal) {
        double best = dcg(ideal);
        return best == 0 ? 0 : dcg(grades) / best;
    }

    static double dcg(List<Integer> grades) {
        double sum = 0;
        for (int i = 0; i < Math.min(10, grades.size()); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    static void flatten(JsonNode category, Map<Long, String> into) {
        into.put(category.get("id").asLong(), category.get("name").asString());
        if (category.has("children")) {
            for (JsonNode child : category.get("children")) {
                String name = category.get("name").asString() + " / " + child.get("name").asString();
                into.put(child.get("id").asLong(), name);
                flatten(child, into);
                into.put(child.get("id").asLong(), name);
            }
        }
    }

    static final Map<String, Object> ADDRESS = Map.of("recipient", "Li Lei", "phone", "+86 138 0013 8000",
            "line1", "1 Wensan Road", "city", "Hangzhou", "province", "Zhejiang", "postalCode", "310000", "country", "CN");

    static String fill(String text, Map<String, String> ids) {
        String out = text;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    static JsonNode ask(String token, String question, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/assistant/questions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question)))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answer " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static String login(String email, String password) throws Exception {
        return call("POST", "/api/v1/sessions", null, Map.of("email", email, "password", password)).get("token").asString();
    }

    static String account(String role) throws Exception {
        String email = role.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.mercato";
        call("POST", "/api/v1/accounts", null, Map.of("email", email, "password", "correct-horse-9", "displayName",
                "Bench " + role, "role", role));
        return login(email, "correct-horse-9");
    }

    static void topUp(String buyer) throws Exception {
        call("POST", "/api/v1/wallet/top-ups", buyer, Map.of("amountMinor", 1_000_000, "currency", "CNY"));
    }

    static long product(String seller, long store, long category, String title, long price) throws Exception {
        long id = call("POST", "/api/v1/stores/" + store + "/products", seller, Map.of("title", title, "description", title,
                "categoryId", category, "images", List.of("https://img.example.com/p.jpg"), "skus", List.of(Map.of(
                        "attributes", Map.of("colour", "white"), "priceMinor", price, "initialStock", 1000)))).get("id").asLong();
        return call("POST", "/api/v1/products/" + id + "/listing", seller, null).get("skus").get(0).get("id").asLong();
    }

    static long paidOrder(String buyer, long sku) throws Exception {
        long id = call("POST", "/api/v1/checkouts", buyer, Map.of("address", ADDRESS, "items",
                List.of(Map.of("skuId", sku, "quantity", 1)))).get("orders").get(0).get("id").asLong();
        call("POST", "/api/v1/orders/" + id + "/payment", buyer, null);
        return id;
    }
}
