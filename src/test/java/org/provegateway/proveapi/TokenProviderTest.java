package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.provegateway.proveapi.wire.TokenResponse;

class TokenProviderTest {

    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));

    @Test
    void cachesTheTokenWhileItIsFresh() {
        CountingTokenSource source = CountingTokenSource.hourly();
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);

        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.token()).isEqualTo("token-1");

        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void refreshesSixtySecondsBeforeExpiry() {
        CountingTokenSource source = CountingTokenSource.hourly();
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);
        tokens.token();

        clock.advance(Duration.ofSeconds(3600 - 60 - 1));
        assertThat(tokens.token()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void fetchesAgainAfterExpiry() {
        CountingTokenSource source = CountingTokenSource.hourly();
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);
        tokens.token();

        clock.advance(Duration.ofHours(2));

        assertThat(tokens.token()).isEqualTo("token-2");
    }

    @Test
    void aTokenShorterThanTheRefreshMarginIsStillCachedForHalfItsLifetime() {
        CountingTokenSource source = new CountingTokenSource(call -> CountingTokenSource.bearer("t" + call, 60L));
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);
        tokens.token();

        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("t2");
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        CountingTokenSource source = new CountingTokenSource(call -> {
            sleep(300);
            return CountingTokenSource.bearer("token-" + call, 3600L);
        });
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);
        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.token();
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void aFailedFetchReachesTheWaitersAndIsNotCached() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingTokenSource source = new CountingTokenSource(call -> {
            if (call == 1) {
                fetching.countDown();
                await(release);
                throw new ProveServerException(503, null, "maintenance", null);
            }
            return CountingTokenSource.bearer("token-" + call, 3600L);
        });
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> fetcher = pool.submit(tokens::token);
            assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Thread> waiterThread = new AtomicReference<>();
            Future<String> waiter = pool.submit(() -> {
                waiterThread.set(Thread.currentThread());
                return tokens.token();
            });
            awaitBlocked(waiterThread);
            release.countDown();

            for (Future<String> result : List.of(fetcher, waiter)) {
                assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ProveServerException.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.calls()).isEqualTo(1);

        assertThat(tokens.token()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void evictDropsOnlyTheTokenThatFailed() {
        CountingTokenSource source = CountingTokenSource.hourly();
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);
        tokens.token();

        tokens.evict("some-older-token");
        assertThat(tokens.token()).isEqualTo("token-1");

        tokens.evict("token-1");
        assertThat(tokens.token()).isEqualTo("token-2");

        tokens.evict("token-1");
        assertThat(tokens.token()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void acceptsBearerInAnyCase() {
        TokenProvider tokens = new TokenProvider(() -> new TokenResponse("abc", "bearer", 3600L, null, null),
                clock, REFRESH_AHEAD);

        assertThat(tokens.token()).isEqualTo("abc");
    }

    @Test
    void rejectsATokenTypeOtherThanBearer() {
        TokenProvider tokens = new TokenProvider(() -> new TokenResponse("abc", "MAC", 3600L, null, null),
                clock, REFRESH_AHEAD);

        assertThatThrownBy(tokens::token).isInstanceOf(ProveTokenException.class)
                .hasMessageContaining("token_type").hasMessageNotContaining("abc");
    }

    @Test
    void rejectsAMissingOrNonPositiveExpiry() {
        for (Long expiresIn : new Long[] {null, 0L, -5L}) {
            TokenProvider tokens = new TokenProvider(
                    () -> new TokenResponse("abc", "Bearer", expiresIn, null, null), clock, REFRESH_AHEAD);

            assertThatThrownBy(tokens::token).as("expires_in %s", expiresIn)
                    .isInstanceOf(ProveTokenException.class).hasMessageContaining("expires_in");
        }
    }

    @Test
    void anInvalidAnswerIsNotCached() {
        CountingTokenSource source = new CountingTokenSource(call -> call == 1
                ? new TokenResponse("bad", "Bearer", null, null, null)
                : CountingTokenSource.bearer("good", 3600L));
        TokenProvider tokens = new TokenProvider(source, clock, REFRESH_AHEAD);

        assertThatThrownBy(tokens::token).isInstanceOf(ProveTokenException.class);
        assertThat(tokens.token()).isEqualTo("good");
    }

    @Test
    void logsTheLifetimeButNeverTheToken() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(TokenProvider.class.getName());
        logger.addHandler(handler);
        try {
            new TokenProvider(() -> CountingTokenSource.bearer("secret-token-value", 3600L), clock, REFRESH_AHEAD)
                    .token();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records).extracting(LogRecord::getMessage)
                .containsExactly("fetched Prove access token, expires in 3600 s")
                .noneMatch(message -> message.contains("secret-token-value"));
    }

    /** Waits until the thread parks, i.e. waits for the fetch another thread runs. */
    private static void awaitBlocked(AtomicReference<Thread> holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (holder.get() != null) {
                Thread.State state = holder.get().getState();
                if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("waiter did not block on the running fetch");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
