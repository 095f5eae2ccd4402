package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final long MS = 1_000_000L;

    /** One call's start and end (System.nanoTime). */
    record Span(long start, long end) {
    }

    static Span timed(RateLimit limit, long busyMillis) {
        long[] start = new long[1];
        long end = limit.call("unify", () -> {
            start[0] = System.nanoTime();
            sleep(busyMillis);
            return System.nanoTime();
        });
        return new Span(start[0], end);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void upToThePermitsGoAtOnceTheNextWaitsUntilOneEndedAWindowAgo() {
        RateLimit limit = new RateLimit(2, Duration.ofMillis(300), Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        Span first = timed(limit, 0);
        Span second = timed(limit, 0);
        assertThat(second.start() - t0).as("no wait for the first two").isLessThan(150 * MS);
        Span third = timed(limit, 0);
        assertThat(third.start() - first.end()).isGreaterThanOrEqualTo(300 * MS);
    }

    @Test
    void aCallInFlightHoldsItsSlotUntilItEndsPlusTheWindow() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(100), Duration.ofSeconds(5));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var slow = pool.submit(() -> timed(limit, 400));
            sleep(50);
            Span next = timed(limit, 0);
            Span before = slow.get(5, TimeUnit.SECONDS);
            assertThat(next.start() - before.end()).as("after the slow call's end plus the window")
                    .isGreaterThanOrEqualTo(100 * MS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTurnFurtherAwayThanMaxWaitIsRefusedAtOnceAndNothingRuns() {
        RateLimit limit = new RateLimit(1, Duration.ofSeconds(3), Duration.ofMillis(500));
        timed(limit, 0);
        AtomicInteger ran = new AtomicInteger();
        long began = System.nanoTime();
        assertThatThrownBy(() -> limit.call("start", ran::incrementAndGet))
                .isInstanceOfSatisfying(ProveThrottledException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("'start'");
                });
        assertThat(System.nanoTime() - began).as("refused without waiting").isLessThan(300 * MS);
        assertThat(ran).hasValue(0);
    }

    @Test
    void whenEverySlotIsInFlightACallWaitsAtMostMaxWait() throws Exception {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(100), Duration.ofMillis(300));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var slow = pool.submit(() -> timed(limit, 1500));
            sleep(50);
            long began = System.nanoTime();
            assertThatThrownBy(() -> timed(limit, 0)).isInstanceOf(ProveThrottledException.class);
            assertThat(System.nanoTime() - began).isBetween(250 * MS, 1200 * MS);
            slow.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedCallEndsToo() {
        RateLimit limit = new RateLimit(1, Duration.ofMillis(100), Duration.ofSeconds(2));
        assertThatThrownBy(() -> limit.call("unify", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(timed(limit, 0)).isNotNull();
    }

    @Test
    void manyThreadsNeverHaveMoreThanThePermitsCountedInOneWindowWhereverProveCountsThem() throws Exception {
        int permits = 5;
        long window = 200 * MS;
        RateLimit limit = new RateLimit(permits, Duration.ofNanos(window), Duration.ofSeconds(30));
        int threads = 16;
        int perThread = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Span> spans = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                go.await();
                for (int k = 0; k < perThread; k++) {
                    Span span = timed(limit, ThreadLocalRandom.current().nextInt(0, 60));
                    synchronized (spans) {
                        spans.add(span);
                    }
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(spans).hasSize(threads * perThread);
        // Whenever a call started, fewer than `permits` other calls were in flight or had ended within the
        // window: so no window of that length can hold more than `permits` of them, at any moment of each call.
        for (Span call : spans) {
            long overlapping = spans.stream().filter(other -> other != call && other.start() <= call.start()
                    && other.end() > call.start() - window).count();
            assertThat(overlapping).isLessThan(permits);
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(new ProveThrottledException("x", Duration.ofMillis(1)).retryAfter())
                .contains(Duration.ofSeconds(1));
        assertThat(new ProveThrottledException("x", Duration.ofMillis(2100)).retryAfter())
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void theNodeShareIsTheRateDividedByTheNodesAtLeastOne() {
        assertThat(new RateLimitConfig(25, 1, Duration.ofSeconds(2), Duration.ofMillis(50)).perNode()).isEqualTo(25);
        assertThat(new RateLimitConfig(25, 3, Duration.ofSeconds(2), Duration.ofMillis(50)).perNode()).isEqualTo(8);
        assertThat(new RateLimitConfig(2, 5, Duration.ofSeconds(2), Duration.ofMillis(50)).perNode()).isEqualTo(1);
        assertThat(new RateLimitConfig(25, 1, Duration.ofSeconds(2), Duration.ofMillis(50)).window())
                .isEqualTo(Duration.ofMillis(1050));
        assertThatThrownBy(() -> new RateLimitConfig(25, 0, Duration.ofSeconds(2), Duration.ZERO))
                .isInstanceOf(ProveConfigurationException.class);
    }
}
