package io.mercato.fulfillment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many callers' small writes in shared transactions: each caller hands its work to one of a few writers (always the
 * same writer for the same key, so that work on one key keeps its order and two writers never wait for each other's
 * locks on it), and waits; a writer takes what has queued up (up to a batch), runs it all in one transaction and
 * answers each caller only once that transaction has committed — nothing acknowledged is lost. When the shared
 * transaction fails (a deadlock, a constraint), each piece of work is run again on its own, so one bad piece never
 * fails the others. When a writer's queue is full, the caller runs its work itself, in a transaction of its own; a
 * caller already in a transaction runs it in that transaction.
 *
 * @param <W> a piece of work
 * @param <R> its result, computed inside the transaction; it must not throw for an expected refusal (return it)
 */
final class GroupCommit<W, R> implements AutoCloseable {

    private record Pending<W, R>(W work, CompletableFuture<R> answer) {
    }

    private final List<BlockingQueue<Pending<W, R>>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private final Function<W, R> run;
    private final TransactionTemplate transactions;
    private final int batch;
    private volatile boolean closed;

    GroupCommit(String name, int writers, int queue, int batch, TransactionTemplate transactions, Function<W, R> run) {
        this.run = run;
        this.transactions = transactions;
        this.batch = batch;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending<W, R>> pending = new ArrayBlockingQueue<>(queue);
            queues.add(pending);
            Thread writer = Thread.ofPlatform().daemon().name(name + "-" + i).unstarted(() -> write(pending));
            this.writers.add(writer);
            writer.start();
        }
    }

    /** Runs the work in a shared transaction of the key's writer and answers once that has committed. */
    R submit(int key, W work) {
        Pending<W, R> pending = new Pending<>(work, new CompletableFuture<>());
        // A caller already in a transaction takes its work in it: the work may read what that transaction wrote.
        if (closed || TransactionSynchronizationManager.isActualTransactionActive()
                || !queues.get(Math.floorMod(key, queues.size())).offer(pending)) {
            return alone(work);
        }
        return await(pending.answer());
    }

    /** The work's result once its transaction has committed; its failure, or a minute's wait, thrown. */
    private static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the work was being committed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The shared transaction failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The shared transaction took more than a minute", e);
        }
    }

    /**
     * Hands every piece of work to its key's writer at once and waits for all: a batch's pieces share the writers'
     * next transactions instead of each waiting for the one before. Answers in the order given; a piece whose writer's
     * queue is full (or any piece, inside a caller's transaction) is run by the caller on its own.
     */
    List<R> submitAll(List<Integer> keys, List<W> works) {
        List<CompletableFuture<R>> answers = new ArrayList<>(works.size());
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        for (int i = 0; i < works.size(); i++) {
            Pending<W, R> pending = new Pending<>(works.get(i), new CompletableFuture<>());
            if (closed || inTransaction || !queues.get(Math.floorMod(keys.get(i), queues.size())).offer(pending)) {
                answerAlone(pending);
            }
            answers.add(pending.answer());
        }
        List<R> results = new ArrayList<>(works.size());
        for (CompletableFuture<R> answer : answers) {
            results.add(await(answer));
        }
        return results;
    }

    private R alone(W work) {
        return transactions.execute(status -> run.apply(work));
    }

    private void write(BlockingQueue<Pending<W, R>> queue) {
        List<Pending<W, R>> taken = new ArrayList<>(batch);
        while (!closed) {
            try {
                Pending<W, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, batch - 1);
                commit(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                taken.clear();
            }
        }
        // Whatever is left when closing is run by this thread, each on its own.
        for (Pending<W, R> pending; (pending = queue.poll()) != null; ) {
            answerAlone(pending);
        }
    }

    private void commit(List<Pending<W, R>> taken) {
        List<@Nullable R> results;
        try {
            results = transactions.execute(status -> {
                List<@Nullable R> computed = new ArrayList<>(taken.size());
                for (Pending<W, R> pending : taken) {
                    computed.add(run.apply(pending.work()));
                }
                return computed;
            });
        } catch (RuntimeException sharedFailed) {
            taken.forEach(this::answerAlone);
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).answer().complete(results.get(i));
        }
    }

    private void answerAlone(Pending<W, R> pending) {
        try {
            pending.answer().complete(alone(pending.work()));
        } catch (RuntimeException failed) {
            pending.answer().completeExceptionally(failed);
        }
    }

    @Override
    public void close() {
        closed = true;
        writers.forEach(Thread::interrupt);
    }
}
