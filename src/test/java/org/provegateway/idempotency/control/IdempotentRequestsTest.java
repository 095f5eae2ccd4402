package org.provegateway.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provegateway.idempotency.control.IdempotentRequests.Claim;
import org.provegateway.idempotency.control.IdempotentRequests.Owner;
import org.provegateway.idempotency.control.IdempotentRequests.Replay;
import org.provegateway.idempotency.entity.IdempotencyRecord;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

import jakarta.persistence.PersistenceException;

/**
 * The claim logic of {@code Idempotency-Key} without a database: a store in memory that behaves like the table (a
 * unique (scope, key), conditional deletes), and a clock the test moves.
 */
class IdempotentRequestsTest {

    static final String SCOPE = "flows";
    static final String FINGERPRINT = IdempotentRequests.fingerprint("POST", "possession-flows", "{}".getBytes());

    final MemoryRecords records = new MemoryRecords();
    final IdempotentRequests requests = new IdempotentRequests();
    Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @BeforeEach
    void wire() {
        IdempotencyConfig config = new IdempotencyConfig();
        config.ttl = Duration.ofMinutes(15);
        config.wait = Duration.ofMillis(400);
        config.lease = Duration.ofMinutes(1);
        requests.records = records;
        requests.config = config;
        requests.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    Owner own(String key) {
        Claim claim = requests.claim(SCOPE, key, FINGERPRINT);
        assertThat(claim).isInstanceOf(Owner.class);
        return (Owner) claim;
    }

    @Test
    void theFirstRequestRunsAndARepeatGetsItsAnswerBack() {
        Owner owner = own("key-1");
        requests.finish(owner, 201, "application/json", "/flows/1", "{\"authToken\":\"secret-token\"}");

        Claim repeat = requests.claim(SCOPE, "key-1", FINGERPRINT);
        assertThat(repeat).isEqualTo(new Replay(201, Optional.of("application/json"), Optional.of("/flows/1"),
                Optional.of("{\"authToken\":\"secret-token\"}")));
    }

    @Test
    void theStoreHoldsNeitherTheKeyNorTheAnswerInClear() {
        requests.finish(own("key-2"), 201, "application/json", null, "{\"authToken\":\"secret-token\"}");
        IdempotencyRecord stored = records.rows.values().iterator().next();
        assertThat(stored.key()).doesNotContain("key-2").hasSize(64);
        assertThat(stored.body().orElseThrow()).doesNotContain("secret-token").startsWith("v1:");
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        requests.finish(own("key-3"), 201, null, null, "{}");
        String other = IdempotentRequests.fingerprint("POST", "possession-flows", "{\"x\":1}".getBytes());
        assertThatThrownBy(() -> requests.claim(SCOPE, "key-3", other)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void keysBelongToTheirCaller() {
        requests.finish(own("key-4"), 201, null, null, "{\"mine\":true}");
        assertThat(requests.claim("another-caller", "key-4", FINGERPRINT)).isInstanceOf(Owner.class);
    }

    @Test
    void aMalformedKeyIsABadRequestNamingTheHeader() {
        assertThatThrownBy(() -> requests.claim(SCOPE, "has space", FINGERPRINT))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
                    assertThat(e.fieldErrors()).extracting(GatewayException.FieldError::field)
                            .containsExactly("Idempotency-Key");
                });
        assertThatThrownBy(() -> requests.claim(SCOPE, "k".repeat(129), FINGERPRINT))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void anAbandonedRequestFreesItsKey() {
        requests.abandon(own("key-5"));
        assertThat(records.rows).isEmpty();
        assertThat(requests.claim(SCOPE, "key-5", FINGERPRINT)).isInstanceOf(Owner.class);
    }

    @Test
    void anExpiredAnswerCountsAsAbsent() {
        requests.finish(own("key-6"), 201, null, null, "{}");
        now = now.plus(Duration.ofMinutes(16));
        assertThat(requests.claim(SCOPE, "key-6", FINGERPRINT)).isInstanceOf(Owner.class);
        assertThat(records.rows).hasSize(1);
    }

    @Test
    void aRequestStillRunningElsewhereMakesTheRepeatWaitThenAnswer409() {
        // another node inserted the record and has not answered yet
        records.insert(new IdempotencyRecord(SCOPE, AnswerSeal.lookupKey("key-7"), FINGERPRINT, now,
                now.plus(Duration.ofMinutes(1))));
        long began = System.nanoTime();
        assertThatThrownBy(() -> requests.claim(SCOPE, "key-7", FINGERPRINT))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.REQUEST_IN_PROGRESS);
                    assertThat(e.retryAfter()).isPresent();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("it waited for idempotency.wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aRepeatOnTheSameNodeWaitsForTheFirstAndGetsItsAnswer() throws Exception {
        requests.config.wait = Duration.ofSeconds(20);
        Owner owner = own("key-8");
        CompletableFuture<Claim> repeat = CompletableFuture.supplyAsync(
                () -> requests.claim(SCOPE, "key-8", FINGERPRINT));
        requests.finish(owner, 200, null, null, "{\"done\":true}");
        Claim claim = repeat.get(20, TimeUnit.SECONDS);
        assertThat(claim).isInstanceOfSatisfying(Replay.class,
                replay -> assertThat(replay.body()).contains("{\"done\":true}"));
    }

    /**
     * Two nodes, one key, at the same moment: the other node's insert wins; this node's insert finds the key taken
     * (on PostgreSQL without an error, elsewhere as a failed insert), waits for the other's answer and replays it.
     */
    @Test
    void anInsertThatLosesTheRaceToAnotherNodeWaitsForItsAnswer() throws Exception {
        for (boolean onConflict : new boolean[] {true, false}) {
            records.rows.clear();
            records.onConflictDoNothing = onConflict;
            requests.config.wait = Duration.ofSeconds(20);
            String key = "key-race-" + onConflict;
            IdempotencyRecord others = new IdempotencyRecord(SCOPE, AnswerSeal.lookupKey(key), FINGERPRINT, now,
                    now.plus(Duration.ofMinutes(1)));
            MemoryRecords racing = new MemoryRecords() {
                @Override
                public Optional<IdempotencyRecord> find(String scope, String k) {
                    return records.find(scope, k);
                }

                @Override
                public synchronized boolean insert(IdempotencyRecord record) {
                    records.insert(others); // the other node's insert lands first
                    return records.insert(record);
                }
            };
            requests.records = racing;
            CompletableFuture<Claim> mine = CompletableFuture.supplyAsync(() -> requests.claim(SCOPE, key,
                    FINGERPRINT));
            Thread.sleep(100);
            assertThat(mine).as("waits for the other node").isNotDone();
            AnswerSeal seal = new AnswerSeal(SCOPE, key);
            records.finish(others.id(), 201, "application/json", null, seal.seal("{\"flowId\":\"f\"}"),
                    now.plus(Duration.ofMinutes(15)));
            assertThat(mine.get(20, TimeUnit.SECONDS)).as("onConflict=%s", onConflict)
                    .isInstanceOfSatisfying(Replay.class, replay -> assertThat(replay.body())
                            .contains("{\"flowId\":\"f\"}"));
            assertThat(records.rows).hasSize(1);
            requests.records = records;
        }
    }

    @Test
    void aDatabaseFailureOnInsertIsNotMistakenForALostRace() {
        records.failInserts = true;
        assertThatThrownBy(() -> requests.claim(SCOPE, "key-9", FINGERPRINT))
                .isInstanceOf(PersistenceException.class);
    }

    /** The idempotency_record table in memory: unique (scope, key), deletes only what matches. */
    static class MemoryRecords extends IdempotencyRecords {

        final Map<String, IdempotencyRecord> rows = new ConcurrentHashMap<>();
        boolean failInserts;
        /** PostgreSQL's INSERT ... ON CONFLICT DO NOTHING: a taken key inserts nothing, without an error. */
        boolean onConflictDoNothing;

        @Override
        public Optional<IdempotencyRecord> find(String scope, String key) {
            return rows.values().stream().filter(r -> r.callerScope().equals(scope) && r.key().equals(key))
                    .findFirst();
        }

        @Override
        public synchronized boolean insert(IdempotencyRecord record) {
            if (failInserts) {
                throw new PersistenceException("database down");
            }
            if (find(record.callerScope(), record.key()).isPresent()) {
                if (onConflictDoNothing) {
                    return false;
                }
                throw new PersistenceException("unique constraint");
            }
            rows.put(record.id(), record);
            return true;
        }

        @Override
        public void finish(String id, int status, String mediaType, String location, String body, Instant expiresAt) {
            Optional.ofNullable(rows.get(id)).ifPresent(r -> r.finish(status, mediaType, location, body, expiresAt));
        }

        @Override
        public void delete(String id) {
            rows.remove(id);
        }

        @Override
        public boolean deleteIfExpired(String id, Instant now) {
            IdempotencyRecord record = rows.get(id);
            return record != null && record.isExpired(now) && rows.remove(id) != null;
        }

        @Override
        public int purgeExpired(Instant now, int batchSize) {
            List<String> expired = new ArrayList<>();
            rows.forEach((id, r) -> {
                if (r.isExpired(now) && expired.size() < batchSize) {
                    expired.add(id);
                }
            });
            expired.forEach(rows::remove);
            return expired.size();
        }
    }
}
