package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final long MS = 1_000_000L;

    /** A fake clock that moves forward only when a caller "sleeps"; records when each call was let through. */
    static final class FakeTime {
        final AtomicLong now = new AtomicLong(1_000 * MS);
        final List<Long> starts = new ArrayList<>();

        RateLimit limit(int permits, long windowMillis, long maxWaitMillis) {
            return new RateLimit(permits, Duration.ofMillis(windowMillis), Duration.ofMillis(maxWaitMillis),
                    now::get, nanos -> now.addAndGet(nanos));
        }

        void call(RateLimit limit) {
            limit.acquire("unify");
            starts.add(now.get());
        }

        void advance(long millis) {
            now.addAndGet(millis * MS);
        }
    }

    @Test
    void upToThePermitsGoAtOnceTheNextWaitsForTheOldestToLeaveTheWindow() {
        FakeTime time = new FakeTime();
        RateLimit limit = time.limit(3, 1000, 5000);
        long t0 = time.now.get();
        time.call(limit);
        time.call(limit);
        time.advance(400);
        time.call(limit);
        assertThat(time.now.get()).as("no waiting for the first three").isEqualTo(t0 + 400 * MS);

        time.call(limit); // waits until the first call is one window old
        assertThat(time.starts.get(3)).isEqualTo(t0 + 1000 * MS);
        time.call(limit);
        assertThat(time.starts.get(4)).isEqualTo(t0 + 1000 * MS);
        time.call(limit);
        assertThat(time.starts.get(5)).isEqualTo(t0 + 1400 * MS);
    }

    @Test
    void noWindowOfAnyAlignmentEverHoldsMoreThanThePermits() {
        FakeTime time = new FakeTime();
        RateLimit limit = time.limit(25, 1100, 60_000);
        for (int i = 0; i < 500; i++) {
            time.call(limit);
            if (i % 7 == 0) {
                time.advance(i % 3 * 13);
            }
        }
        List<Long> starts = time.starts;
        for (int i = 0; i + 25 < starts.size(); i++) {
            assertThat(starts.get(i + 25) - starts.get(i)).as("26 consecutive calls span at least the window")
                    .isGreaterThanOrEqualTo(1100 * MS);
        }
        // and the limit is also used: 500 calls take about 500 / 25 windows
        assertThat(starts.get(starts.size() - 1) - starts.get(0)).isLessThan(20 * 1100 * MS);
    }

    @Test
    void aTurnFurtherAwayThanMaxWaitIsRefusedWithWhenToComeBackAndReservesNothing() {
        FakeTime time = new FakeTime();
        RateLimit limit = time.limit(2, 1000, 500);
        time.call(limit);
        time.call(limit);
        assertThatThrownBy(() -> limit.acquire("start")).isInstanceOfSatisfying(ProveThrottledException.class,
                e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("'start'");
                });
        time.advance(600); // the next turn is now 400 ms away: within maxWait
        long before = time.now.get();
        time.call(limit);
        assertThat(time.now.get() - before).isEqualTo(400 * MS);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(new ProveThrottledException("x", Duration.ofMillis(1)).retryAfter())
                .contains(Duration.ofSeconds(1));
        assertThat(new ProveThrottledException("x", Duration.ofMillis(2100)).retryAfter())
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void realThreadsAreSpacedByTheRealClock() throws Exception {
        RateLimit limit = new RateLimit(5, Duration.ofMillis(200), Duration.ofSeconds(5));
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> starts = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                go.await();
                limit.acquire("unify");
                synchronized (starts) {
                    starts.add(System.nanoTime());
                }
                done.incrementAndGet();
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).hasValue(threads);
        starts.sort(null);
        for (int i = 0; i + 5 < starts.size(); i++) {
            assertThat(starts.get(i + 5) - starts.get(i)).isGreaterThanOrEqualTo(195 * MS);
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
    void theNodeShareIsTheRateDividedByTheNodesAtLeastOne() {
        assertThat(new RateLimitConfig(25, 1, Duration.ofSeconds(2), Duration.ofMillis(100)).perNode()).isEqualTo(25);
        assertThat(new RateLimitConfig(25, 3, Duration.ofSeconds(2), Duration.ofMillis(100)).perNode()).isEqualTo(8);
        assertThat(new RateLimitConfig(2, 5, Duration.ofSeconds(2), Duration.ofMillis(100)).perNode()).isEqualTo(1);
        assertThat(new RateLimitConfig(25, 1, Duration.ofSeconds(2), Duration.ofMillis(100)).window())
                .isEqualTo(Duration.ofMillis(1100));
        assertThatThrownBy(() -> new RateLimitConfig(25, 0, Duration.ofSeconds(2), Duration.ZERO))
                .isInstanceOf(ProveConfigurationException.class);
    }
}
