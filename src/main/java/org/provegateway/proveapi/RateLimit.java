package org.provegateway.proveapi;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps the gateway's own calls to Prove under Prove's rate limit, so that Prove never has to refuse one with 429:
 * at most {@code permits} calls start in any {@code window}, whatever the window's alignment. A call that would
 * exceed it waits for its turn (first come, first served) when its turn is at most {@code maxWait} away, and is
 * otherwise refused at once with a {@link ProveThrottledException} that says when a call could go again.
 *
 * <p>Why a sliding window and not a token bucket (such as Bucket4j): Prove (and the emulator) count requests per
 * client id in one-second windows that we cannot see or align with. A token bucket of capacity N refilled at N per
 * second lets up to 2N calls through within one second (a full bucket, then a second of refill), so it cannot
 * promise "at most N in every second"; a bucket that can promise it (capacity plus refill per second at most N)
 * gives up half the rate or all bursts. A sliding-window log bounds every window of its length exactly, sustains
 * N per window, and is small enough to read and test in full: it remembers the start times of the last
 * {@code permits} calls in a ring; the next call may start {@code window} after the oldest of them. Turns are
 * handed out in order as reservations, so waiting callers need no queue of their own and no lock is held while
 * they wait.
 *
 * <p>A reservation is used even when its caller is interrupted or fails: the limit errs on the safe side.
 * Thread-safe.
 */
public final class RateLimit {

    /** Waits for a number of nanoseconds; {@link Thread#sleep} in production, a fake clock in unit tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final int permits;
    private final long windowNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    /** Start times (nanoTime) of the last {@code permits} reservations, oldest at {@link #next}; guarded by this. */
    private final long[] starts;
    private int next;
    private int used;
    private final boolean unlimited;

    public RateLimit(int permits, Duration window, Duration maxWait) {
        this(permits, window, maxWait, System::nanoTime, RateLimit::sleepNanos);
    }

    RateLimit(int permits, Duration window, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper) {
        this(permits, window, maxWait, nanoTime, sleeper, false);
    }

    private RateLimit(int permits, Duration window, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper,
            boolean unlimited) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        if (window.isZero() || window.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("window must be positive and maxWait not negative");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.starts = new long[permits];
        this.unlimited = unlimited;
    }

    /** No limit at all: for a {@link ProveApi} built directly in unit tests. */
    static RateLimit none() {
        return new RateLimit(1, Duration.ofNanos(1), Duration.ZERO, () -> 0L, nanos -> {
        }, true);
    }

    /**
     * Returns when {@code operation} may call Prove: at once, or after waiting its turn.
     *
     * @throws ProveThrottledException when the turn is more than {@code maxWait} away (nothing is reserved) or the
     *         thread was interrupted while waiting
     */
    public void acquire(String operation) {
        if (unlimited) {
            return;
        }
        long wait = reserve(operation);
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProveThrottledException(operation, Duration.ofNanos(windowNanos));
            }
        }
    }

    /** Reserves the earliest allowed start and answers how long to wait for it (0: go now). */
    private synchronized long reserve(String operation) {
        long now = nanoTime.getAsLong();
        long start = now;
        if (used == permits) {
            // the permits-th most recent start must be at least one window before this one
            start = Math.max(now, starts[next] + windowNanos);
        }
        long wait = start - now;
        if (wait > maxWaitNanos) {
            throw new ProveThrottledException(operation, Duration.ofNanos(wait));
        }
        starts[next] = start;
        next = (next + 1) % permits;
        used = Math.min(used + 1, permits);
        return wait;
    }

    public int permits() {
        return permits;
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
}
