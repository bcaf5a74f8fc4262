package io.mercato.search.internal;

import io.mercato.search.RebuildProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's Lucene index, under {@code <data-dir>/search}. The live index is one generation directory
 * named by the file {@code current}; a rebuild writes the next generation beside it from the database while
 * the live one serves and takes event updates, replays the products that changed meanwhile, and swaps. Near
 * real time: searchers reopen at most every 100 ms after a change.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int PAGE = 1000;

    private final Path root;
    private final ProductSource source;
    private final Clock clock;
    private final Analyzer analyzer = ProductAnalyzers.index();
    private final Object swapLock = new Object();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-closer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Generation live;
    private volatile @Nullable Set<Long> dirty;
    private volatile boolean needsRebuild;
    private volatile RebuildProgress progress = new RebuildProgress("IDLE", 0, 0, null, null, null, 0);

    SearchIndex(@Value("${mercato.data-dir:./data}") Path dataDir, ProductSource source, Clock clock) throws IOException {
        this.root = dataDir.resolve("search").toAbsolutePath();
        this.source = source;
        this.clock = clock;
        Files.createDirectories(root);
        this.live = openCurrent();
    }

    private Generation openCurrent() throws IOException {
        Path pointer = root.resolve("current");
        if (Files.exists(pointer)) {
            Path dir = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            try {
                if (DirectoryReader.indexExists(FSDirectory.open(dir))) {
                    Generation generation = new Generation(dir, false);
                    String schema = generation.writer.getLiveCommitData() == null ? null : userData(generation).get("schema");
                    if (ProductDocuments.SCHEMA_VERSION.equals(schema)) {
                        return generation;
                    }
                    log.info("Search index in {} has schema {}, not {}; rebuilding", dir, schema, ProductDocuments.SCHEMA_VERSION);
                    generation.close();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Search index in {} cannot be opened; rebuilding", dir, e);
            }
        }
        needsRebuild = true;
        Generation empty = new Generation(nextDirectory(), true);
        empty.commit();
        empty.startReopening();
        point(empty.dir);
        return empty;
    }

    private static Map<String, String> userData(Generation generation) {
        Map<String, String> data = new java.util.HashMap<>();
        for (Map.Entry<String, String> entry : generation.writer.getLiveCommitData()) {
            data.put(entry.getKey(), entry.getValue());
        }
        return data;
    }

    /** Builds the index at start when it is missing, from another schema, or holds another number of products. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        long listed = source.listedCount();
        long indexed = live.count();
        if (needsRebuild || listed != indexed) {
            log.info("Search index holds {} products, the catalog lists {}; rebuilding in the background", indexed, listed);
            startRebuild();
        } else {
            log.info("Search index in {} is current with {} products", live.dir, indexed);
        }
    }

    /** Reindexes products from their current state: listed ones are written, others removed. Idempotent. */
    void update(List<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        ProductSource.Loaded loaded = source.load(productIds);
        Generation target;
        long written;
        synchronized (swapLock) {
            target = live;
            try {
                written = target.write(loaded);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<Long> pending = dirty;
            if (pending != null) {
                pending.addAll(productIds);
            }
        }
        try {
            target.commitThrough(written);
        } catch (AlreadyClosedException e) {
            // Swapped meanwhile: the rebuild replayed these products into the new generation.
        }
    }

    /** The product holding the SKU in the live index, if it is indexed. */
    @Nullable Long productOfSku(long skuId) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(ProductDocuments.SKU, Long.toString(skuId))), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            return Long.parseLong(searcher.storedFields().document(top.scoreDocs[0].doc).get(ProductDocuments.ID));
        });
    }

    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherFunction<T> function) {
        for (int attempt = 0; ; attempt++) {
            Generation generation = live;
            IndexSearcher searcher;
            try {
                searcher = generation.manager.acquire();
            } catch (AlreadyClosedException | IOException e) {
                if (attempt < 3) {
                    continue;
                }
                throw new IllegalStateException("Search index is not available", e);
            }
            try {
                return function.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    generation.manager.release(searcher);
                } catch (IOException e) {
                    log.warn("Releasing a searcher failed", e);
                }
            }
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    RebuildProgress progress() {
        RebuildProgress current = progress;
        return new RebuildProgress(current.state(), current.done(), current.total(), current.startedAt(),
                current.finishedAt(), current.error(), live.count());
    }

    /** Starts a rebuild on its own thread unless one is running; returns the progress either way. */
    RebuildProgress startRebuild() {
        if (rebuilding.compareAndSet(false, true)) {
            progress = new RebuildProgress("RUNNING", 0, 0, clock.instant(), null, null, 0);
            Thread thread = new Thread(this::rebuildNow, "search-rebuild");
            thread.setDaemon(true);
            thread.start();
        }
        return progress();
    }

    /** A rebuild on the caller's thread (benchmarks time it); returns the products written. */
    long rebuildNow() {
        rebuilding.set(true);
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Generation next = null;
        try {
            long total = source.listedCount();
            progress = new RebuildProgress("RUNNING", 0, total, started, null, null, 0);
            next = new Generation(nextDirectory(), true);
            dirty = ConcurrentHashMap.newKeySet();
            long written = bulkLoad(next, total, started, startNanos);
            // Products that changed while the bulk load ran are re-read: twice outside the lock, then once under it.
            for (int round = 0; round < 2; round++) {
                replayDirty(next);
            }
            next.commit();
            synchronized (swapLock) {
                replayDirty(next);
                next.commit();
                next.manager.maybeRefreshBlocking();
                next.startReopening();
                point(next.dir);
                Generation old = live;
                live = next;
                dirty = null;
                retire(old);
            }
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            log.info("Search index rebuilt: {} products in {} ms into {}", written, millis, next.dir);
            progress = new RebuildProgress("DONE", written, total, started, clock.instant(), null, 0);
            needsRebuild = false;
            return written;
        } catch (Exception e) {
            log.error("Search index rebuild failed", e);
            dirty = null;
            progress = new RebuildProgress("FAILED", progress.done(), progress.total(), started, clock.instant(),
                    String.valueOf(e.getMessage()), 0);
            if (next != null) {
                retire(next);
            }
            return -1;
        } finally {
            rebuilding.set(false);
        }
    }

    private long bulkLoad(Generation next, long total, Instant started, long startNanos) throws Exception {
        BlockingQueue<List<IndexedProduct>> pages = new ArrayBlockingQueue<>(4);
        AtomicLong failure = new AtomicLong();
        Exception[] error = new Exception[1];
        // Reading the database and writing the index overlap: one thread each.
        Thread reader = new Thread(() -> {
            long after = 0;
            try {
                while (true) {
                    List<IndexedProduct> page = source.listedAfter(after, PAGE);
                    pages.put(page);
                    if (page.size() < PAGE) {
                        return;
                    }
                    after = page.getLast().id();
                }
            } catch (Exception e) {
                error[0] = e;
                failure.set(1);
                pages.offer(List.of());
            }
        }, "search-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        long written = 0;
        long lastLog = System.nanoTime();
        while (true) {
            List<IndexedProduct> page = pages.take();
            if (failure.get() != 0) {
                throw new IllegalStateException("Reading products for the index failed", error[0]);
            }
            for (IndexedProduct product : page) {
                next.writer.addDocument(ProductDocuments.document(product));
            }
            written += page.size();
            progress = new RebuildProgress("RUNNING", written, Math.max(total, written), started, null, null, 0);
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                lastLog = System.nanoTime();
                log.info("Search index rebuild: {} of {} products ({} s)", written, total,
                        (System.nanoTime() - startNanos) / 1_000_000_000L);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        reader.join();
        return written;
    }

    private void replayDirty(Generation next) throws IOException {
        Set<Long> pending = dirty;
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(pending);
        pending.removeAll(new HashSet<>(ids));
        for (int from = 0; from < ids.size(); from += PAGE) {
            next.write(source.load(ids.subList(from, Math.min(ids.size(), from + PAGE))));
        }
    }

    private Path nextDirectory() {
        return root.resolve("index-" + System.currentTimeMillis() + "-" + Long.toHexString(System.nanoTime() & 0xffff));
    }

    private void point(Path dir) {
        try {
            Path temp = root.resolve("current.tmp");
            Files.writeString(temp, dir.getFileName().toString(), StandardCharsets.UTF_8);
            Files.move(temp, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes a generation once searches that hold it are done, and deletes its files. */
    private void retire(Generation old) {
        closer.schedule(() -> {
            old.close();
            deleteTree(old.dir);
        }, 5, TimeUnit.SECONDS);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete old search index {}", dir, e);
        }
    }

    /** Bytes the live index takes on disk. */
    long sizeOnDisk() {
        try (Stream<Path> files = Files.walk(live.dir)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    void close() {
        closer.shutdownNow();
        live.close();
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        close();
    }

    /** One index directory with its writer and near-real-time searchers. */
    private final class Generation {

        final Path dir;
        final FSDirectory directory;
        final IndexWriter writer;
        final SearcherManager manager;
        @Nullable ControlledRealTimeReopenThread<IndexSearcher> reopener;
        private final AtomicLong writes = new AtomicLong();
        private final Object commitLock = new Object();
        private long committedThrough;

        Generation(Path dir, boolean fresh) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir);
            this.directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(true);
            this.writer = new IndexWriter(directory, config);
            this.manager = new SearcherManager(writer, null);
            if (!fresh) {
                startReopening();
            }
        }

        void startReopening() {
            if (reopener == null) {
                reopener = new ControlledRealTimeReopenThread<>(writer, manager, 0.1, 0.01);
                reopener.setName("search-reopen");
                reopener.setDaemon(true);
                reopener.start();
            }
        }

        /** Writes the products; answers the write's number, for {@link #commitThrough}. */
        long write(ProductSource.Loaded loaded) throws IOException {
            for (IndexedProduct product : loaded.present()) {
                writer.updateDocument(ProductDocuments.idTerm(product.id()), ProductDocuments.document(product));
            }
            for (long removed : loaded.removed()) {
                writer.deleteDocuments(ProductDocuments.idTerm(removed));
            }
            return writes.incrementAndGet();
        }

        /**
         * Returns once a commit holding write {@code written} has finished: a group commit. The first caller commits
         * every write finished so far; callers whose writes that commit held return without committing again, so
         * eight listener threads under load make one commit (one fsync of the new files) where they made eight.
         */
        void commitThrough(long written) {
            synchronized (commitLock) {
                if (committedThrough >= written) {
                    return;
                }
                long upTo = writes.get();
                commit();
                committedThrough = upTo;
            }
        }

        void commit() {
            try {
                writer.setLiveCommitData(Map.of("schema", ProductDocuments.SCHEMA_VERSION).entrySet());
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long count() {
            try {
                manager.maybeRefreshBlocking();
                IndexSearcher searcher = manager.acquire();
                try {
                    return searcher.getIndexReader().numDocs();
                } finally {
                    manager.release(searcher);
                }
            } catch (IOException | AlreadyClosedException e) {
                return -1;
            }
        }

        void close() {
            try {
                if (reopener != null) {
                    reopener.close();
                }
                manager.close();
                writer.close();
                directory.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Closing search index {} failed", dir, e);
            }
        }
    }
}
