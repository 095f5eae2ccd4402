package org.provegateway.platform.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one purge loop of the gateway, run by each component's own timer for its own table (expired flow sessions,
 * expired Idempotency-Key records, audit rows past retention). It knows no table: the caller hands it "delete up to
 * n rows, each call its own transaction, answer how many".
 *
 * <p>A run deletes batch after batch until a batch comes back short (the backlog is gone) or the run has gone on for
 * {@code max-duration}; the next run, one {@code interval} later, continues. Between two batches it pauses as long as
 * the last batch took, so that it holds the database at most half of the time and live requests get their share
 * (issue 13 measured one unbroken run over a million rows raising live p99 by 1.6x). Batches keep each transaction's
 * locks short on busy tables; a run that fails stops and the next one tries again (a failing database must not cancel
 * the timer).
 *
 * <p>Every node runs its own timers; the purges are idempotent (a delete re-checks its condition, deleting a row twice
 * deletes nothing), so that is safe. On one node a run that is still going when the next is due is not started twice.
 *
 * <p>Metrics per purge name: {@code <name>.purge.runs} (tag {@code outcome}: success, incomplete (time box reached
 * with rows left), failure) and {@code <name>.purge.removed}.
 */
@ApplicationScoped
public class BatchedPurge {

    private static final Logger LOG = Logger.getLogger(BatchedPurge.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** How a run ended. */
    public enum Outcome {
        /** The backlog is gone. */
        SUCCESS,
        /** The run reached its time box with rows left; the next run continues. */
        INCOMPLETE,
        /** A batch failed (typically: the database is unavailable); the next run tries again. */
        FAILURE,
        /** A run of the same purge was still going on this node. */
        SKIPPED
    }

    /** What one run did. */
    public record Result(Outcome outcome, long removed, int batches, Duration took) {
    }

    /**
     * Runs one purge.
     *
     * @param name     the purge's name, e.g. {@code session} (metrics and log lines)
     * @param settings batch size and time box
     * @param batch    deletes up to the given number of rows in a transaction of its own; answers how many it deleted
     */
    public Result run(String name, PurgeSettings settings, IntUnaryOperator batch) {
        if (!running.add(name)) {
            return new Result(Outcome.SKIPPED, 0, 0, Duration.ZERO);
        }
        try {
            Result result = loop(name, settings, batch);
            registry.counter(Metadata.builder().withName(name + ".purge.runs")
                    .withDescription("Runs of the " + name + " purge timer, per outcome").build(),
                    new Tag("outcome", result.outcome().name().toLowerCase(Locale.ROOT))).inc();
            registry.counter(Metadata.builder().withName(name + ".purge.removed")
                    .withDescription("Rows removed by the " + name + " purge timer").build()).inc(result.removed());
            if (result.removed() > 0) {
                LOG.fine(() -> name + " purge: " + result);
            }
            return result;
        } finally {
            running.remove(name);
        }
    }

    static Result loop(String name, PurgeSettings settings, IntUnaryOperator batch) {
        long began = System.nanoTime();
        long deadline = began + settings.maxDuration().toNanos();
        long removed = 0;
        int batches = 0;
        while (true) {
            long batchBegan = System.nanoTime();
            int deleted;
            try {
                deleted = batch.applyAsInt(settings.batchSize());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "{0} purge failed after removing {1} rows ({2}); the next run tries again",
                        new Object[] {name, removed, DatabaseFailures.reason(e).orElse(e.getClass().getSimpleName())});
                return new Result(Outcome.FAILURE, removed, batches, Duration.ofNanos(System.nanoTime() - began));
            }
            removed += deleted;
            batches++;
            long now = System.nanoTime();
            if (deleted < settings.batchSize()) {
                return new Result(Outcome.SUCCESS, removed, batches, Duration.ofNanos(now - began));
            }
            long pause = now - batchBegan;
            if (now + pause - deadline >= 0) {
                return new Result(Outcome.INCOMPLETE, removed, batches, Duration.ofNanos(now - began));
            }
            try {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(Outcome.INCOMPLETE, removed, batches, Duration.ofNanos(System.nanoTime() - began));
            }
        }
    }
}
