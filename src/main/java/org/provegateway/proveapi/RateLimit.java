package org.provegateway.proveapi;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps the gateway's own calls to Prove under Prove's rate limit, so that Prove never has to refuse one with 429:
 * a call may start only while fewer than {@code permits} other calls are in flight or ended less than
 * {@code window} ago. A call over the limit waits for its turn when that comes within {@code maxWait}, and is
 * otherwise refused at once with a {@link ProveThrottledException} saying when to come back.
 *
 * <p>Why this rule: Prove (like the emulator) counts requests per client id in one-second windows, at some moment
 * between our sending a request and our receiving its answer, a moment we cannot see: network and server delays
 * vary, and on a busy machine by hundreds of milliseconds. Counting a call from its start to its end plus the
 * window makes the rule hold whatever that moment is: if {@code permits + 1} calls were counted by Prove within
 * one second, the last of them to start would have seen the others in flight or ended less than a second before,
 * and would have waited. (A first version counted calls only by their start, a sliding window over start times;
 * the restart-free ITs on a loaded 2-CPU machine then saw an occasional 429 from the emulator, because a delayed
 * request was counted in the next second together with the next second's calls.) The price is the calls'
 * duration: with 200 ms answers, 25 calls per 1.2 s.
 *
 * <p>Why not a token bucket (such as Bucket4j): a bucket of capacity N refilled at N per second lets up to 2N calls
 * through within one second (a full bucket, then a second of refill), and it counts starts only, so it cannot
 * promise "at most N in every one of Prove's seconds"; one that could would give up half the rate or all bursts.
 * This class is small enough to read and test in full: {@code permits} slots, each free from the end of its last
 * call plus the window.
 *
 * <p>Thread-safe. A call that throws still ends (its slot is freed with the time it failed).
 */
public final class RateLimit {

    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final int permits;
    private final long windowNanos;
    private final long maxWaitNanos;
    private final boolean unlimited;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    /** Per slot: when its last call ended (System.nanoTime), or {@link #IN_FLIGHT}; guarded by {@link #lock}. */
    private final long[] ended;

    public RateLimit(int permits, Duration window, Duration maxWait) {
        this(permits, window, maxWait, false);
    }

    private RateLimit(int permits, Duration window, Duration maxWait, boolean unlimited) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        if (window.isZero() || window.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("window must be positive and maxWait not negative");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.unlimited = unlimited;
        this.ended = new long[permits];
        Arrays.fill(ended, System.nanoTime() - windowNanos);
    }

    /** No limit at all: for a {@link ProveApi} built directly in unit tests. */
    static RateLimit none() {
        return new RateLimit(1, Duration.ofNanos(1), Duration.ZERO, true);
    }

    /**
     * Runs {@code call} (a call to Prove) when the limit allows it.
     *
     * @throws ProveThrottledException when its turn would come later than {@code maxWait} from now (nothing ran),
     *         or the thread was interrupted while waiting
     */
    public <T> T call(String operation, Supplier<T> call) {
        if (unlimited) {
            return call.get();
        }
        int slot = acquire(operation);
        try {
            return call.get();
        } finally {
            release(slot);
        }
    }

    private int acquire(String operation) {
        long deadline = System.nanoTime() + maxWaitNanos;
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                int slot = earliest();
                long freeAt = ended[slot] == IN_FLIGHT ? IN_FLIGHT : ended[slot] + windowNanos;
                if (freeAt != IN_FLIGHT && freeAt - now <= 0) {
                    ended[slot] = IN_FLIGHT;
                    return slot;
                }
                if (freeAt != IN_FLIGHT && freeAt - deadline > 0) {
                    throw new ProveThrottledException(operation, Duration.ofNanos(freeAt - now));
                }
                long left = deadline - now;
                if (left <= 0) {
                    throw new ProveThrottledException(operation, Duration.ofNanos(windowNanos));
                }
                slotFreed.awaitNanos(freeAt == IN_FLIGHT ? left : Math.min(left, freeAt - now));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProveThrottledException(operation, Duration.ofNanos(windowNanos));
        } finally {
            lock.unlock();
        }
    }

    private void release(int slot) {
        lock.lock();
        try {
            ended[slot] = System.nanoTime();
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The slot that frees first: the one whose call ended longest ago (in-flight slots last). */
    private int earliest() {
        int best = 0;
        for (int i = 1; i < permits; i++) {
            if (ended[i] != IN_FLIGHT && (ended[best] == IN_FLIGHT || ended[i] - ended[best] < 0)) {
                best = i;
            }
        }
        return best;
    }

    public int permits() {
        return permits;
    }
}
