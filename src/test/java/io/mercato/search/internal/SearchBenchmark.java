package io.mercato.search.internal;

import io.mercato.MercatoApplication;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Actor;
import io.mercato.search.ProductSearch;
import io.mercato.search.RebuildProgress;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import io.mercato.search.internal.CatalogGenerator.Generated;
import io.mercato.search.internal.CatalogGenerator.Type;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search benchmark: generates a deterministic catalog, loads it into PostgreSQL with COPY, rebuilds the
 * Lucene index through {@link ProductSearch} (timing it, with index size and heap), then runs one mixed
 * workload against Lucene (through the module's Java API, in process) and against PostgreSQL full-text search
 * (tsvector + GIN, ts_rank) over the same products, and computes nDCG@10 for both on a judged query set.
 * Run it with {@code bench/search [--quick]}.
 */
public final class SearchBenchmark {

    private static final long SEED = 42;
    private static final String[] KINDS = {"TAOBAO", "TMALL", "SUPERMARKET", "LOCAL", "GLOBAL", "WHOLESALE"};

    private final int products;
    private final int seconds;
    private final int stores;
    private final byte[] typeOf;
    private final byte[] brandOf;
    private final byte[] coloursOf;
    private DataSource dataSource;
    private ProductSearch search;
    private Actor operator;
    private final Analyzer analyzer = ProductAnalyzers.index();

    private SearchBenchmark(int products, int seconds) {
        this.products = products;
        this.seconds = seconds;
        this.stores = Math.max(100, products / 500);
        this.typeOf = new byte[products + 1];
        this.brandOf = new byte[products + 1];
        this.coloursOf = new byte[products + 1];
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int products = quick ? 100_000 : 1_000_000;
        for (String arg : args) {
            if (arg.startsWith("--products=")) {
                products = Integer.parseInt(arg.substring("--products=".length()));
            }
        }
        new SearchBenchmark(products, quick ? 6 : 20).run();
        System.exit(0);
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }

    private void run() throws Exception {
        Path dataDir = Path.of("target", "bench-search", "catalog-" + products);
        boolean profile = Boolean.getBoolean("bench.profile");
        if (!profile) {
            deleteTree(dataDir);
        }
        say("search benchmark: %,d products, seed %d, %d s per workload run; data in %s", products, SEED, seconds, dataDir);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MercatoApplication.class)
                .run("--mercato.data-dir=" + dataDir, "--mercato.demo.enabled=false",
                        "--mercato.ordering.timers-enabled=false", "--server.port=0", "--server.address=localhost",
                        "--logging.level.root=WARN", "--logging.level.io.mercato.search=INFO");
        try {
            dataSource = context.getBean(DataSource.class);
            search = context.getBean(ProductSearch.class);
            Account seeded = context.getBean(Accounts.class).operators().getFirst();
            operator = new Actor(seeded.id(), seeded.role());
            if (profile) {
                // Reuses a loaded catalog and index, and only runs the Lucene workload (for a profiler to watch).
                runWorkload("lucene", workload(new Random(SEED + 1), 400), 1, this::lucene);
                return;
            }
            long loadStart = System.nanoTime();
            load();
            say("loaded catalog into PostgreSQL in %.1f s", (System.nanoTime() - loadStart) / 1e9);
            for (Type type : CatalogGenerator.TYPES) {
                search.addSynonym(operator, type.zh()[0] + ", " + type.en()[0].toLowerCase(Locale.ROOT));
            }

            index(context.getBean(SearchIndex.class));
            long ftsStart = System.nanoTime();
            buildFullText();
            say("PostgreSQL full-text table and GIN index built in %.1f s", (System.nanoTime() - ftsStart) / 1e9);

            List<Work> workload = workload(new Random(SEED + 1), 400);
            double[] ndcg = ndcg();
            say("nDCG@10 on %d judged queries: lucene %.3f, postgres %.3f", JUDGED.size(), ndcg[0], ndcg[1]);

            Result lucene1 = runWorkload("lucene", workload, 1, this::lucene);
            Result lucene4 = runWorkload("lucene", workload, 4, this::lucene);
            Result pg1 = runWorkload("postgres", workload, 1, this::postgres);
            Result pg4 = runWorkload("postgres", workload, 4, this::postgres);
            say("bench search: products=%d qps=%.0f p99_ms=%.1f pg_qps=%.0f ratio=%.1f ndcg10=%.3f pg_ndcg10=%.3f",
                    products, lucene4.qps, lucene4.p99, pg4.qps, lucene4.qps / pg4.qps, ndcg[0], ndcg[1]);
            say("(qps and p99 at 4 concurrent clients over the mixed workload; at 1 client: lucene %.0f qps p99 %.1f ms, postgres %.0f qps p99 %.1f ms)",
                    lucene1.qps, lucene1.p99, pg1.qps, pg1.p99);
        } finally {
            context.close();
        }
    }

    // ---------------------------------------------------------------- loading

    private void load() throws SQLException, IOException {
        List<Type> types = CatalogGenerator.TYPES;
        Map<String, Integer> roots = new LinkedHashMap<>();
        for (Type type : types) {
            roots.putIfAbsent(type.root(), roots.size() + 1);
        }
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            for (int s = 1; s <= stores; s++) {
                int k = s % 100;
                String kind = k < 60 ? "TAOBAO" : k < 80 ? "TMALL" : k < 82 ? "SUPERMARKET" : k < 87 ? "LOCAL" : k < 97 ? "GLOBAL" : "WHOLESALE";
                rows.append(s).append('\t').append(1_000_000 + s).append("\tStore ").append(s).append('\t').append(kind)
                        .append("\tCNY\t").append(kind.equals("TMALL") ? "VERIFIED" : "ACTIVE").append("\t2026-01-01 00:00:00+00\n");
            }
            copy.copyIn("COPY merchant.stores (id, owner_account_id, name, kind, currency, status, created_at) FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
            for (Map.Entry<String, Integer> root : roots.entrySet()) {
                String zh = types.stream().filter(t -> t.root().equals(root.getKey())).findFirst().orElseThrow().rootZh();
                rows.append(root.getValue()).append("\t\\N\t").append(root.getKey()).append(' ').append(zh).append("\t300\n");
            }
            for (int t = 0; t < types.size(); t++) {
                Type type = types.get(t);
                rows.append(100 + t).append('\t').append(roots.get(type.root())).append('\t').append(type.name()).append(' ')
                        .append(type.nameZh()).append("\t300\n");
            }
            copy.copyIn("COPY catalog.categories (id, parent_id, name, commission_bp) FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
            for (int b = 0; b < CatalogGenerator.BRANDS.length; b++) {
                rows.append(b + 1).append('\t').append(CatalogGenerator.BRANDS[b].stored()).append('\n');
            }
            copy.copyIn("COPY catalog.brands (id, name) FROM STDIN", new StringReader(rows.toString()));

            CatalogGenerator generator = new CatalogGenerator(SEED);
            StringBuilder productRows = new StringBuilder();
            StringBuilder skuRows = new StringBuilder();
            StringBuilder stockRows = new StringBuilder();
            StringBuilder salesRows = new StringBuilder();
            long skuId = 0;
            for (int id = 1; id <= products; id++) {
                Generated product = generator.next();
                typeOf[id] = (byte) product.type();
                brandOf[id] = (byte) product.brand();
                coloursOf[id] = (byte) product.colours();
                int store = storeOf(id);
                // Creation times spread over the last year, so "newest" has something to sort.
                String created = java.time.Instant.parse("2026-11-01T00:00:00Z")
                        .minusSeconds(product.ageDays() * 86_400L + id % 86_400).toString();
                productRows.append(id).append('\t').append(store).append('\t').append(100 + product.type()).append('\t')
                        .append(product.brand() + 1).append('\t').append(product.title()).append("\t\tLISTED\t")
                        .append(created).append('\t').append(created).append('\n');
                for (CatalogGenerator.Sku sku : product.skus()) {
                    skuId++;
                    skuRows.append(skuId).append('\t').append(id).append("\t{\"colour\": \"").append(sku.colour()).append('"');
                    if (!sku.size().isEmpty()) {
                        skuRows.append(", \"size\": \"").append(sku.size()).append('"');
                    }
                    skuRows.append("}\t").append(sku.priceMinor()).append("\tCNY\n");
                    stockRows.append(skuId).append('\t').append(store).append('\t').append(sku.stock()).append("\t0\n");
                }
                if (product.sales() > 0) {
                    salesRows.append(id).append('\t').append(product.sales()).append('\n');
                }
                if (id % 20_000 == 0 || id == products) {
                    copy.copyIn("COPY catalog.products (id, store_id, category_id, brand_id, title, description, status, created_at, updated_at) FROM STDIN",
                            new StringReader(productRows.toString()));
                    copy.copyIn("COPY catalog.skus (id, product_id, attributes, price_minor, currency) FROM STDIN", new StringReader(skuRows.toString()));
                    copy.copyIn("COPY inventory.stock (sku_id, store_id, on_hand, reserved) FROM STDIN", new StringReader(stockRows.toString()));
                    copy.copyIn("COPY search.product_sales (product_id, units) FROM STDIN", new StringReader(salesRows.toString()));
                    productRows.setLength(0);
                    skuRows.setLength(0);
                    stockRows.setLength(0);
                    salesRows.setLength(0);
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String table : List.of("merchant.stores", "catalog.categories", "catalog.brands", "catalog.products", "catalog.skus")) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
                }
                statement.execute("ANALYZE");
            }
        }
    }

    private int storeOf(int productId) {
        return 1 + (int) ((productId * 7919L) % stores);
    }

    // ---------------------------------------------------------------- indexing

    private void index(SearchIndex index) throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        sampler.start();
        long start = System.nanoTime();
        RebuildProgress progress = search.rebuild(operator);
        long lastSay = System.nanoTime();
        while (!progress.state().equals("DONE") && !progress.state().equals("FAILED")) {
            Thread.sleep(100);
            progress = search.rebuildProgress(operator);
            if (System.nanoTime() - lastSay > 15_000_000_000L) {
                lastSay = System.nanoTime();
                say("  indexing: %,d of %,d", progress.done(), progress.total());
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        if (!progress.state().equals("DONE")) {
            throw new IllegalStateException("Rebuild failed: " + progress.error());
        }
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        say("indexed %,d products in %.1f s (%.0f products/s, from PostgreSQL through the catalog, stock and store facades)",
                progress.done(), took, progress.done() / took);
        say("index size %.1f MB; heap used: %.0f MB before, %.0f MB peak while indexing, %.0f MB after GC (max heap %.0f MB)",
                index.sizeOnDisk() / 1e6, before / 1e6, peak.get() / 1e6, after / 1e6,
                memory.getHeapMemoryUsage().getMax() / 1e6);
    }

    // ---------------------------------------------------------------- PostgreSQL full text

    private String words(String text) {
        StringBuilder words = new StringBuilder();
        try (TokenStream tokens = analyzer.tokenStream(ProductDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (!words.isEmpty()) {
                    words.append(' ');
                }
                words.append(term);
            }
            tokens.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return words.toString().replace('\\', ' ').replace('\t', ' ');
    }

    /**
     * The PostgreSQL side gets the same words the index gets (title, brand, category names, attributes), already
     * segmented, folded and stemmed by the same ICU analysis, so that the comparison is of the engines and not of
     * PostgreSQL's lack of a Chinese parser. It gets no synonyms and no typo tolerance: it has neither.
     */
    private void buildFullText() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.fts");
            statement.execute("""
                    CREATE TABLE bench.fts (id BIGINT PRIMARY KEY, words TEXT NOT NULL, price BIGINT NOT NULL,
                      sales BIGINT NOT NULL, created TIMESTAMPTZ NOT NULL, root_category BIGINT NOT NULL, brand_id BIGINT,
                      kind TEXT NOT NULL, in_stock BOOLEAN NOT NULL,
                      tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED)""");
            statement.execute("""
                    CREATE TEMP TABLE fts_in AS
                    SELECT p.id, min(s.price_minor) AS price, coalesce(max(ps.units), 0) AS sales, p.created_at,
                           c.parent_id AS root_category, p.brand_id, st.kind, bool_or(k.on_hand - k.reserved > 0) AS in_stock
                    FROM catalog.products p JOIN catalog.skus s ON s.product_id = p.id
                    JOIN inventory.stock k ON k.sku_id = s.id JOIN catalog.categories c ON c.id = p.category_id
                    JOIN merchant.stores st ON st.id = p.store_id LEFT JOIN search.product_sales ps ON ps.product_id = p.id
                    GROUP BY p.id, c.parent_id, st.kind""");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            CatalogGenerator generator = new CatalogGenerator(SEED);
            StringBuilder rows = new StringBuilder();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, price, sales, created_at, root_category, brand_id, kind, in_stock FROM fts_in WHERE id BETWEEN ? AND ? ORDER BY id")) {
                for (int from = 1; from <= products; from += 20_000) {
                    int to = Math.min(products, from + 19_999);
                    select.setInt(1, from);
                    select.setInt(2, to);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Generated product = generator.next();
                            Type type = CatalogGenerator.TYPES.get(product.type());
                            StringBuilder text = new StringBuilder(product.title()).append(' ')
                                    .append(CatalogGenerator.BRANDS[product.brand()].stored()).append(' ')
                                    .append(type.root()).append(' ').append(type.rootZh()).append(' ')
                                    .append(type.name()).append(' ').append(type.nameZh());
                            Set<String> values = new java.util.TreeSet<>();
                            product.skus().forEach(sku -> {
                                values.add(sku.colour());
                                if (!sku.size().isEmpty()) {
                                    values.add(sku.size());
                                }
                            });
                            values.forEach(value -> text.append(' ').append(value));
                            rows.append(rs.getLong(1)).append('\t').append(words(text.toString())).append('\t')
                                    .append(rs.getLong(2)).append('\t').append(rs.getLong(3)).append('\t')
                                    .append(rs.getTimestamp(4).toInstant()).append('\t').append(rs.getLong(5)).append('\t')
                                    .append(rs.getLong(6)).append('\t').append(rs.getString(7)).append('\t')
                                    .append(rs.getBoolean(8) ? 't' : 'f').append('\n');
                        }
                    }
                    copy.copyIn("COPY bench.fts (id, words, price, sales, created, root_category, brand_id, kind, in_stock) FROM STDIN",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            statement.execute("CREATE INDEX fts_tsv ON bench.fts USING GIN (tsv)");
            statement.execute("ANALYZE bench.fts");
        }
    }

    // ---------------------------------------------------------------- workload

    /** One request of the mixed workload, in both engines' terms. */
    record Work(String kind, String text, Long rootCategory, Long minPrice, Long maxPrice, boolean facets, SearchSort sort) {
        boolean unfiltered() {
            return kind.equals("one-word") || kind.equals("multi-word");
        }
    }

    private static List<Work> workload(Random random, int size) {
        List<Type> types = CatalogGenerator.TYPES;
        Map<String, Long> roots = new LinkedHashMap<>();
        for (Type type : types) {
            roots.putIfAbsent(type.root(), (long) roots.size() + 1);
        }
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Type type = types.get(random.nextInt(types.size()));
            boolean chinese = random.nextBoolean();
            String noun = chinese ? type.zh()[random.nextInt(type.zh().length)] : type.en()[random.nextInt(type.en().length)].toLowerCase(Locale.ROOT);
            var brand = CatalogGenerator.BRANDS[CatalogGenerator.brandIndex(type.brands()[random.nextInt(type.brands().length)])];
            String[] colour = CatalogGenerator.COLOURS[random.nextInt(CatalogGenerator.COLOURS.length)];
            int roll = random.nextInt(100);
            if (roll < 30) {
                work.add(new Work("one-word", random.nextInt(4) == 0 ? (chinese ? brand.zh() : brand.en()) : noun, null, null, null, false, SearchSort.RELEVANCE));
            } else if (roll < 55) {
                String text = switch (random.nextInt(3)) {
                    case 0 -> (chinese ? brand.zh() : brand.en()) + (chinese ? "" : " ") + noun;
                    case 1 -> (chinese ? colour[1] : colour[0].toLowerCase(Locale.ROOT) + " ") + noun;
                    default -> brand.en() + " " + (chinese ? noun : type.zh()[0]);
                };
                work.add(new Work("multi-word", text, null, null, null, false, SearchSort.RELEVANCE));
            } else if (roll < 75) {
                long mid = (type.minPrice() + type.maxPrice()) / 2;
                work.add(new Work("filtered", noun, roots.get(type.root()), type.minPrice(), mid, false, SearchSort.RELEVANCE));
            } else if (roll < 90) {
                work.add(new Work("faceted", noun, null, null, null, true, SearchSort.RELEVANCE));
            } else {
                work.add(new Work("sorted", noun, null, null, null, false, random.nextBoolean() ? SearchSort.PRICE_ASC : SearchSort.SALES));
            }
        }
        return work;
    }

    private static final List<String> KIND_NAMES = List.of("one-word", "multi-word", "filtered", "faceted", "sorted");

    interface Engine {
        void run(Work work) throws Exception;
    }

    private void lucene(Work work) {
        SearchResult result = search.search(new SearchQuery(work.text(), work.rootCategory(), null, Set.of(), Set.<StoreKind>of(),
                work.minPrice(), work.maxPrice(), work.kind().equals("filtered"), Map.of(), work.sort(), 0, 20, work.facets()));
        if (result.total() < 0) {
            throw new IllegalStateException();
        }
    }

    private static final String PG_MATCH = "tsv @@ plainto_tsquery('simple', ?)";

    private void postgres(Work work) throws SQLException {
        String words = words(work.text());
        try (Connection connection = dataSource.getConnection()) {
            String where = PG_MATCH + (work.kind().equals("filtered") ? " AND root_category = ? AND price BETWEEN ? AND ? AND in_stock" : "");
            String order = switch (work.sort()) {
                case PRICE_ASC -> "price ASC, id DESC";
                case PRICE_DESC -> "price DESC, id DESC";
                case SALES -> "sales DESC, id DESC";
                case NEWEST -> "created DESC, id DESC";
                case RELEVANCE -> "ts_rank(tsv, plainto_tsquery('simple', ?)) DESC, id DESC";
            };
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, words, price FROM bench.fts WHERE " + where + " ORDER BY " + order + " LIMIT 20")) {
                int p = 1;
                statement.setString(p++, words);
                if (work.kind().equals("filtered")) {
                    statement.setLong(p++, work.rootCategory());
                    statement.setLong(p++, work.minPrice());
                    statement.setLong(p++, work.maxPrice());
                }
                if (work.sort() == SearchSort.RELEVANCE) {
                    statement.setString(p, words);
                }
                drain(statement);
            }
            if (work.facets()) {
                try (PreparedStatement statement = connection.prepareStatement("""
                        SELECT brand_id, kind, root_category, width_bucket(price, ARRAY[5000, 10000, 20000, 50000, 100000, 500000]) AS bucket,
                               in_stock, count(*)
                        FROM bench.fts WHERE\s""" + PG_MATCH + """
                         GROUP BY GROUPING SETS ((brand_id), (kind), (root_category), (bucket), (in_stock))""")) {
                    statement.setString(1, words);
                    drain(statement);
                }
            }
        }
    }

    private static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
    }

    record Result(double qps, double p50, double p99, double p99Unfiltered) {
    }

    private Result runWorkload(String name, List<Work> workload, int clients, Engine engine) throws InterruptedException {
        // Warm up, then measure for the configured time.
        for (int phase = 0; phase < 2; phase++) {
            long duration = phase == 0 ? Math.max(2, seconds / 4) : seconds;
            long end = System.nanoTime() + duration * 1_000_000_000L;
            List<long[]> all = new ArrayList<>();
            List<long[]> unfiltered = new ArrayList<>();
            List<byte[]> kinds = new ArrayList<>();
            Thread[] threads = new Thread[clients];
            long[] counts = new long[clients];
            Exception[] failure = new Exception[1];
            for (int c = 0; c < clients; c++) {
                int client = c;
                long[] latencies = new long[2_000_000];
                long[] plain = new long[2_000_000];
                byte[] kindOf = new byte[2_000_000];
                all.add(latencies);
                unfiltered.add(plain);
                kinds.add(kindOf);
                threads[c] = new Thread(() -> {
                    int i = client * 97;
                    int n = 0;
                    int u = 0;
                    while (System.nanoTime() < end && n < latencies.length) {
                        Work work = workload.get(i++ % workload.size());
                        long start = System.nanoTime();
                        try {
                            engine.run(work);
                        } catch (Exception e) {
                            failure[0] = e;
                            return;
                        }
                        long took = System.nanoTime() - start;
                        kindOf[n] = (byte) KIND_NAMES.indexOf(work.kind());
                        latencies[n++] = took;
                        if (work.unfiltered()) {
                            plain[u++] = took;
                        }
                    }
                    counts[client] = n;
                    latencies[latencies.length - 1] = u;
                });
            }
            long started = System.nanoTime();
            for (Thread thread : threads) {
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (failure[0] != null) {
                throw new IllegalStateException(name + " failed", failure[0]);
            }
            if (phase == 0) {
                continue;
            }
            long total = Arrays.stream(counts).sum();
            long[] merged = new long[(int) total];
            List<Long> plainMerged = new ArrayList<>();
            int at = 0;
            for (int c = 0; c < clients; c++) {
                System.arraycopy(all.get(c), 0, merged, at, (int) counts[c]);
                at += (int) counts[c];
                long u = all.get(c)[all.get(c).length - 1];
                for (int k = 0; k < u; k++) {
                    plainMerged.add(unfiltered.get(c)[k]);
                }
            }
            StringBuilder perKind = new StringBuilder();
            for (int k = 0; k < KIND_NAMES.size(); k++) {
                List<Long> ofKind = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    for (int q = 0; q < counts[c]; q++) {
                        if (kinds.get(c)[q] == k) {
                            ofKind.add(all.get(c)[q]);
                        }
                    }
                }
                long[] sorted = ofKind.stream().mapToLong(Long::longValue).sorted().toArray();
                perKind.append(String.format(Locale.ROOT, " %s p50/p99 %.2f/%.2f ms;", KIND_NAMES.get(k),
                        percentile(sorted, 0.5), percentile(sorted, 0.99)));
            }
            Arrays.sort(merged);
            long[] plainSorted = plainMerged.stream().mapToLong(Long::longValue).sorted().toArray();
            Result result = new Result(total / elapsed, percentile(merged, 0.50), percentile(merged, 0.99), percentile(plainSorted, 0.99));
            say("%-8s clients=%d queries=%,d qps=%.0f p50_ms=%.2f p99_ms=%.2f p99_unfiltered_ms=%.2f",
                    name, clients, total, result.qps, result.p50, result.p99, result.p99Unfiltered);
            say("         by kind:%s", perKind);
            return result;
        }
        throw new IllegalStateException();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    // ---------------------------------------------------------------- judged set

    /** A judged query: products of {@code type} are relevant (1); of its brand and colour too, highly relevant (2). */
    record Judged(String text, String type, String brand, String colour) {
    }

    static final List<Judged> JUDGED = List.of(
            new Judged("smartphone", "Phones", null, null),
            new Judged("huawei smartphone", "Phones", "Huawei", null),
            new Judged("running shoes", "Running shoes", null, null),
            new Judged("nike running shoes", "Running shoes", "Nike", null),
            new Judged("red dress", "Dresses", null, "Red"),
            new Judged("wireless headphones", "Headphones", null, null),
            new Judged("laptop", "Laptops", null, null),
            new Judged("lenovo laptop", "Laptops", "Lenovo", null),
            new Judged("rice cooker", "Rice cookers", null, null),
            new Judged("coffee beans", "Coffee", null, null),
            new Judged("yoga mat", "Yoga mats", null, null),
            new Judged("refrigerator", "Refrigerators", null, null),
            new Judged("手机", "Phones", null, null),
            new Judged("华为手机", "Phones", "Huawei", null),
            new Judged("跑步鞋", "Running shoes", null, null),
            new Judged("耐克跑步鞋", "Running shoes", "Nike", null),
            new Judged("红色连衣裙", "Dresses", null, "Red"),
            new Judged("蓝牙耳机", "Headphones", null, null),
            new Judged("笔记本电脑", "Laptops", null, null),
            new Judged("电饭煲", "Rice cookers", null, null),
            new Judged("冰箱", "Refrigerators", null, null),
            new Judged("口红", "Lipstick", null, null),
            new Judged("纸尿裤", "Diapers", null, null),
            new Judged("保温杯", "Water bottles", null, null),
            new Judged("Nike 跑步鞋", "Running shoes", "Nike", null),
            new Judged("Apple 手机", "Phones", "Apple", null),
            new Judged("mobile phone", "Phones", null, null),
            new Judged("耳机", "Headphones", null, null),
            new Judged("dress", "Dresses", null, null),
            new Judged("小米 扫地机器人", "Vacuum cleaners", "Xiaomi", null),
            new Judged("dyson vacuum", "Vacuum cleaners", "Dyson", null),
            new Judged("black t-shirt", "T-shirts", null, "Black"),
            new Judged("runing shoes", "Running shoes", null, null),
            new Judged("smartphnoe", "Phones", null, null),
            new Judged("refrigerater", "Refrigerators", null, null),
            new Judged("lipstik", "Lipstick", null, null));

    private int grade(long id, Judged judged) {
        if (id < 1 || id > products) {
            return 0;
        }
        Type type = CatalogGenerator.TYPES.get(typeOf[(int) id]);
        if (!type.name().equals(judged.type())) {
            return 0;
        }
        boolean brand = judged.brand() == null || CatalogGenerator.BRANDS[brandOf[(int) id]].en().equals(judged.brand());
        boolean colour = judged.colour() == null || (coloursOf[(int) id] & (1 << colourIndex(judged.colour()))) != 0;
        return brand && colour ? 2 : 1;
    }

    private static int colourIndex(String colour) {
        for (int i = 0; i < CatalogGenerator.COLOURS.length; i++) {
            if (CatalogGenerator.COLOURS[i][0].equals(colour)) {
                return i;
            }
        }
        throw new IllegalArgumentException(colour);
    }

    private double[] ndcg() throws SQLException {
        double lucene = 0;
        double pg = 0;
        for (Judged judged : JUDGED) {
            int[] counts = new int[3];
            for (int id = 1; id <= products; id++) {
                counts[grade(id, judged)]++;
            }
            List<Integer> ideal = new ArrayList<>();
            for (int g = 2; g >= 1; g--) {
                for (int k = 0; k < counts[g] && ideal.size() < 10; k++) {
                    ideal.add(g);
                }
            }
            double idcg = dcg(ideal);
            List<Long> luceneIds = search.search(new SearchQuery(judged.text(), null, null, Set.of(), Set.of(), null, null, false,
                    Map.of(), SearchSort.RELEVANCE, 0, 10, false)).hits().stream().map(SearchResult.Hit::productId).toList();
            List<Long> pgIds = new ArrayList<>();
            try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM bench.fts WHERE " + PG_MATCH + " ORDER BY ts_rank(tsv, plainto_tsquery('simple', ?)) DESC, id DESC LIMIT 10")) {
                String words = words(judged.text());
                statement.setString(1, words);
                statement.setString(2, words);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        pgIds.add(rs.getLong(1));
                    }
                }
            }
            double l = idcg == 0 ? 0 : dcg(luceneIds.stream().map(id -> grade(id, judged)).toList()) / idcg;
            double p = idcg == 0 ? 0 : dcg(pgIds.stream().map(id -> grade(id, judged)).toList()) / idcg;
            say("  judged %-22s lucene %.3f  postgres %.3f", "'" + judged.text() + "'", l, p);
            lucene += l;
            pg += p;
        }
        return new double[] {lucene / JUDGED.size(), pg / JUDGED.size()};
    }

    private static double dcg(List<Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < grades.size(); i++) {
            dcg += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
