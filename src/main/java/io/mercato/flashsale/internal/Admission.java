package io.mercato.flashsale.internal;

import io.mercato.flashsale.FlashClaim;
import io.mercato.ordering.Address;
import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import io.mercato.platform.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot-SKU path: a group update. Each sale has a lane per instance: attempts queue in arrival order, and one
 * committer drains up to {@code batch} of them into one transaction that locks the sale's row once, decides every
 * attempt in queue order against the units left and each buyer's limit, raises the sale's count once by the units
 * granted and inserts the winning claims together; then it answers every attempt of the group. While a group
 * commits, the next one gathers, so a sale costs one row lock and one commit per group, not per buyer. A sale found
 * sold out is answered from memory for {@code soldOutFor}, with no database work at all.
 */
@Component
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FlashSaleProperties properties;
    private final Clock clock;
    private final ClaimOrders orders;
    private final ExecutorService committers;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

    Admission(JdbcClient jdbc, PlatformTransactionManager transactions, FlashSaleProperties properties, Clock clock,
            ClaimOrders orders) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
        this.orders = orders;
        this.committers = Executors.newFixedThreadPool(properties.committers(),
                Thread.ofPlatform().name("flashsale-commit-", 0).daemon().factory());
        orders.deferWhile(this::busy);
    }

    private volatile long lastGroupAt = System.nanoTime() - 1_000_000_000L;

    /** Whether a group is being decided, or one was within the last 200 ms (more are likely to follow). */
    boolean busy() {
        return System.nanoTime() - lastGroupAt < 200_000_000L
                || lanes.values().stream().anyMatch(lane -> lane.draining.get());
    }

    /** One attempt waiting for its group. */
    record Pending(long buyerId, long quantity, Address address, String key, boolean clientKey,
            CompletableFuture<FlashClaim> answer) {
    }

    /** Whether this instance saw the sale sold out within {@code soldOutFor}. */
    boolean knownSoldOut(long saleId) {
        Lane lane = lanes.get(saleId);
        return lane != null && lane.soldOutUntil > System.nanoTime();
    }

    /**
     * The sale's "sold out" refusal, made once per lane: at the peak most attempts get it, and an exception's stack
     * trace costs more than the whole in-memory check.
     */
    ConflictException soldOut(long saleId) {
        return lanes.computeIfAbsent(saleId, Lane::new).soldOut;
    }

    /** Units came back (a cancelled order): ask the database on the next attempt. */
    void unitsBack(long saleId) {
        Lane lane = lanes.get(saleId);
        if (lane != null) {
            lane.soldOutUntil = 0;
        }
    }

    int queued() {
        return lanes.values().stream().mapToInt(lane -> lane.queue.size()).sum();
    }

    CompletableFuture<FlashClaim> submit(long saleId, long buyerId, long quantity, Address address, String key,
            boolean clientKey) {
        Lane lane = lanes.computeIfAbsent(saleId, Lane::new);
        Pending pending = new Pending(buyerId, quantity, address, key, clientKey, new CompletableFuture<>());
        if (!lane.queue.offer(pending)) {
            throw new TooManyRequestsException(Text.of("flashsale.queue.full", properties.queueCapacity()));
        }
        lane.schedule();
        return pending.answer();
    }

    void shutdown() {
        committers.shutdownNow();
    }

    private final class Lane {

        final long saleId;
        final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        final AtomicBoolean draining = new AtomicBoolean();
        final ConflictException soldOut;
        volatile long soldOutUntil;

        Lane(long saleId) {
            this.saleId = saleId;
            this.soldOut = new ConflictException(Text.of("flashsale.soldOut", saleId));
        }

        void schedule() {
            if (draining.compareAndSet(false, true)) {
                committers.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                List<Pending> group = new ArrayList<>(Math.min(queue.size(), properties.batch()));
                queue.drainTo(group, properties.batch());
                if (group.isEmpty()) {
                    draining.set(false);
                    // An attempt queued after the drain found nothing but before the flag fell: take it now.
                    if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                commit(group);
            }
        }

        private void commit(List<Pending> group) {
            Map<Pending, Object> answers = new HashMap<>();
            long[] left = new long[1];
            try {
                transactions.executeWithoutResult(status -> {
                    answers.clear();
                    left[0] = decide(saleId, group, answers);
                });
            } catch (RuntimeException e) {
                log.warn("Flash sale {}: a group of {} attempts failed to commit; each is told to try again", saleId,
                        group.size(), e);
                TooManyRequestsException retry = new TooManyRequestsException(Text.of("flashsale.retry"));
                group.forEach(p -> p.answer().completeExceptionally(retry));
                return;
            }
            lastGroupAt = System.nanoTime();
            if (left[0] <= 0) {
                soldOutUntil = System.nanoTime() + properties.soldOutFor().toNanos();
            }
            boolean won = false;
            for (Pending p : group) {
                Object answer = answers.get(p);
                if (answer instanceof FlashClaim claim) {
                    won |= claim.status() == FlashClaim.Status.WON;
                    p.answer().complete(claim);
                } else {
                    p.answer().completeExceptionally((DomainException) answer);
                }
            }
            if (won) {
                orders.kick();
            }
        }
    }

    /**
     * Decides a group in one transaction; returns the units left. Lock order: the sale's row, then buyers' counts
     * (as a give-back).
     */
    private long decide(long saleId, List<Pending> group, Map<Pending, Object> answers) {
        record Sale(long left, int limit, Instant startsAt, Instant endsAt, boolean cancelled) {
        }
        Sale sale = jdbc.sql("SELECT quantity - sold, per_buyer_limit, starts_at, ends_at, cancelled_at IS NOT NULL "
                        + "FROM flashsale.sales WHERE id = ? FOR UPDATE")
                .param(saleId)
                .query((rs, n) -> new Sale(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5))).single();
        Instant now = clock.instant();
        // Retries of attempts already decided (the same buyer and key) get the claim they won.
        Map<String, FlashClaim> earlier = new HashMap<>();
        List<Pending> keyed = group.stream().filter(Pending::clientKey).toList();
        if (!keyed.isEmpty()) {
            jdbc.sql("""
                    SELECT %s, attempt_key FROM flashsale.claims
                    WHERE sale_id = ? AND (buyer_id, attempt_key) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))"""
                    .formatted(Sales.CLAIM_COLUMNS))
                    .params(saleId, keyed.stream().map(Pending::buyerId).toArray(Long[]::new),
                            keyed.stream().map(Pending::key).toArray(String[]::new))
                    .query((rs, n) -> earlier.put(rs.getLong("buyer_id") + ":" + rs.getString("attempt_key"), Sales.claim(rs)))
                    .list();
        }
        long left = sale.left();
        List<Pending> winners = new ArrayList<>();
        Map<String, Pending> firstOfKey = new HashMap<>();
        // Every writer of a buyer's count holds the sale's row lock first (admission here, give-backs in Sales), so
        // the counts read now stay true until this commits: decide in memory, write them back in one statement.
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT buyer_id, quantity FROM flashsale.buyer_counts WHERE sale_id = ? AND buyer_id = ANY(?)")
                .params(saleId, group.stream().map(Pending::buyerId).distinct().toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, Long> raised = new HashMap<>();
        for (Pending p : group) {
            String id = p.buyerId() + ":" + p.key();
            FlashClaim before = earlier.get(id);
            if (before != null) {
                answers.put(p, before);
                continue;
            }
            if (firstOfKey.putIfAbsent(id, p) != null) {
                continue; // the same attempt twice in one group: answered with the first below
            }
            long held = counts.getOrDefault(p.buyerId(), 0L);
            if (sale.cancelled()) {
                answers.put(p, new ConflictException(Text.of("flashsale.cancelled", saleId)));
            } else if (now.isBefore(sale.startsAt())) {
                answers.put(p, new ConflictException(Text.of("flashsale.notStarted", saleId)));
            } else if (!now.isBefore(sale.endsAt())) {
                answers.put(p, new ConflictException(Text.of("flashsale.ended", saleId)));
            } else if (left < p.quantity()) {
                answers.put(p, left == 0 ? soldOut(saleId)
                        : new ConflictException(Text.of("flashsale.fewerLeft", left, p.quantity())));
            } else if (held + p.quantity() > sale.limit()) {
                answers.put(p, new ConflictException(Text.of("flashsale.limitReached", sale.limit())));
            } else {
                left -= p.quantity();
                counts.put(p.buyerId(), held + p.quantity());
                raised.put(p.buyerId(), held + p.quantity());
                winners.add(p);
            }
        }
        if (!raised.isEmpty()) {
            // The guard stays in the statement: a count never passes the limit, whatever the decision above said.
            int written = jdbc.sql("""
                    INSERT INTO flashsale.buyer_counts AS c (sale_id, buyer_id, quantity)
                    SELECT ?, t.buyer, t.quantity FROM unnest(?::bigint[], ?::bigint[]) AS t(buyer, quantity)
                    WHERE t.quantity <= ?
                    ON CONFLICT (sale_id, buyer_id) DO UPDATE SET quantity = EXCLUDED.quantity""")
                    .params(saleId, raised.keySet().toArray(Long[]::new), raised.values().toArray(Long[]::new), sale.limit())
                    .update();
            if (written != raised.size()) {
                throw new IllegalStateException("Flash sale " + saleId + ": " + (raised.size() - written)
                        + " buyers' counts would pass the limit of " + sale.limit());
            }
        }
        if (!winners.isEmpty()) {
            long granted = sale.left() - left;
            jdbc.sql("UPDATE flashsale.sales SET sold = sold + ? WHERE id = ?").params(granted, saleId).update();
            Map<String, FlashClaim> inserted = new HashMap<>();
            jdbc.sql("""
                    INSERT INTO flashsale.claims (sale_id, buyer_id, quantity, attempt_key, address, status, claimed_at)
                    SELECT ?, t.buyer, t.quantity, t.attempt_key, t.address::jsonb, 'WON', ?
                    FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS t(buyer, quantity, attempt_key, address)
                    RETURNING %s, attempt_key""".formatted(Sales.CLAIM_COLUMNS))
                    .params(saleId, Timestamp.from(now),
                            winners.stream().map(Pending::buyerId).toArray(Long[]::new),
                            winners.stream().map(Pending::quantity).toArray(Long[]::new),
                            winners.stream().map(Pending::key).toArray(String[]::new),
                            winners.stream().map(p -> JSON.writeValueAsString(p.address())).toArray(String[]::new))
                    .query((rs, n) -> inserted.put(rs.getLong("buyer_id") + ":" + rs.getString("attempt_key"), Sales.claim(rs)))
                    .list();
            winners.forEach(p -> answers.put(p, inserted.get(p.buyerId() + ":" + p.key())));
        }
        for (Pending p : group) {
            if (!answers.containsKey(p)) {
                answers.put(p, answers.get(firstOfKey.get(p.buyerId() + ":" + p.key())));
            }
        }
        return left;
    }

    static Address address(String json) {
        return JSON.readValue(json, Address.class);
    }
}
