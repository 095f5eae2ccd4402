package org.provegateway.proveapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.DeviceRevokeRequest;
import org.provegateway.proveapi.wire.Individual;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyOutcome;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.ValidateRequest;

class ProveApiTest {

    private static final UnifyStatusRequest STATUS = new UnifyStatusRequest("corr-1", "req-1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final CountingTokenSource source = CountingTokenSource.hourly();
    private final TokenProvider tokens = new TokenProvider(source, clock, Duration.ofSeconds(60));

    @Test
    void everyOperationSendsTheBearerToken() {
        FakeV3Client client = FakeV3Client.answering();
        ProveApi api = new ProveApi(client, tokens);

        List<Consumer<ProveApi>> operations = List.of(
                a -> assertThat(a.unify(UnifyRequest.builder("mobile", "req-1").phoneNumber("2001004000").build())
                        .outcome()).isEqualTo(UnifyOutcome.PENDING),
                a -> assertThat(a.unifyStatus(STATUS).outcome()).isEqualTo(UnifyOutcome.SUCCESS),
                a -> assertThat(a.unifyBind(new UnifyBindRequest("corr-1", "2001004000", "req-1")).phoneNumber())
                        .isEqualTo("2001004000"),
                a -> assertThat(a.revokeDevice(new DeviceRevokeRequest("req-1", "device-1")).success()).isTrue(),
                a -> assertThat(a.start(StartRequest.builder("mobile").phoneNumber("2001001695").build())
                        .correlationId()).isEqualTo("corr-2"),
                a -> assertThat(a.validate(new ValidateRequest("corr-2")).success()).isTrue(),
                a -> assertThat(a.complete(new CompleteRequest("corr-2",
                        new Individual("Milo", "Pinson", null, null, null, null))).next()).containsKey("done"));
        operations.forEach(operation -> operation.accept(api));

        assertThat(client.calls()).hasSize(7)
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer token-1"));
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void a401EvictsTheTokenAndRetriesOnceWithAFreshOne() {
        FakeV3Client client = new FakeV3Client(call -> call.authorization().equals("Bearer token-1")
                ? new ProveUnauthorizedException(8002, "not authorized", null) : null);
        ProveApi api = new ProveApi(client, tokens);

        assertThat(api.unifyStatus(STATUS).outcome()).isEqualTo(UnifyOutcome.SUCCESS);

        assertThat(client.calls()).extracting(FakeV3Client.Call::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(source.calls()).isEqualTo(2);
        api.unifyStatus(STATUS);
        assertThat(client.calls()).last().extracting(FakeV3Client.Call::authorization).isEqualTo("Bearer token-2");
    }

    @Test
    void aSecond401Propagates() {
        FakeV3Client client = new FakeV3Client(call -> new ProveUnauthorizedException(8002, "not authorized", null));
        ProveApi api = new ProveApi(client, tokens);

        assertThatThrownBy(() -> api.unifyStatus(STATUS))
                .isInstanceOf(ProveUnauthorizedException.class)
                .satisfies(e -> assertThat(((ProveApiException) e).isNotAuthorized()).isTrue());

        assertThat(client.calls()).hasSize(2);
        assertThat(source.calls()).isEqualTo(2);
        assertThatThrownBy(() -> api.unifyStatus(STATUS)).isInstanceOf(ProveUnauthorizedException.class);
        assertThat(client.calls()).extracting(FakeV3Client.Call::authorization).as("second 401 evicted too")
                .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-3", "Bearer token-4");
    }

    @Test
    void otherErrorsAreNotRetried() {
        List<RuntimeException> failures = List.of(
                new ProveBadRequestException(1001, "field 'correlationId' is missing", null),
                new ProveForbiddenException(1003, "step not allowed", null),
                new ProveRateLimitedException(null, null, Duration.ofSeconds(1)),
                new ProveServerException(500, 1000, "error occurred", null));
        for (RuntimeException failure : failures) {
            FakeV3Client client = new FakeV3Client(call -> failure);
            ProveApi api = new ProveApi(client, tokens);

            assertThatThrownBy(() -> api.unifyStatus(STATUS)).isSameAs(failure);
            assertThat(client.calls()).as(failure.getClass().getSimpleName()).hasSize(1);
        }
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void transportFailuresBecomeProveUnavailable() {
        ConnectException refused = new ConnectException("Connection refused");
        FakeV3Client client = new FakeV3Client(call -> new ProcessingException(refused));
        ProveApi api = new ProveApi(client, tokens);

        assertThatThrownBy(() -> api.validate(new ValidateRequest("corr-2")))
                .isInstanceOf(ProveUnavailableException.class)
                .hasCause(refused)
                .hasMessageContaining("validate")
                .satisfies(e -> assertThat(((ProveApiException) e).isTransient()).isTrue())
                .satisfies(e -> assertThat(((ProveUnavailableException) e).isTimeout()).isFalse());
        assertThat(client.calls()).hasSize(1);
    }

    @Test
    void aTimeoutNestedDeeperIsKeptAsCause() {
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
        FakeV3Client client = new FakeV3Client(call -> new ProcessingException(new RuntimeException(timeout)));
        ProveApi api = new ProveApi(client, tokens);

        assertThatThrownBy(() -> api.unifyStatus(STATUS))
                .isInstanceOf(ProveUnavailableException.class).hasCause(timeout)
                .satisfies(e -> assertThat(((ProveUnavailableException) e).isTimeout()).isTrue());
    }

    @Test
    void anUnreadableAnswerDoesNotLeakItsMessage() {
        FakeV3Client client = new FakeV3Client(call -> new ProcessingException(
                "Unable to deserialize: {\"phoneNumber\":\"2001004000\"}"));
        ProveApi api = new ProveApi(client, tokens);

        assertThatThrownBy(() -> api.unifyStatus(STATUS))
                .isInstanceOf(ProveUnavailableException.class)
                .hasNoCause()
                .hasMessageNotContaining("2001004000")
                .hasMessageContaining("ProcessingException");
    }

    @Test
    void anEmptyAnswerIsNotPassedOnAsNull() {
        ProveApi api = new ProveApi(new FakeV3Client(call -> null) {
            @Override
            public org.provegateway.proveapi.wire.ValidateResponse validate(String authorization,
                    ValidateRequest request) {
                return null;
            }
        }, tokens);

        assertThatThrownBy(() -> api.validate(new ValidateRequest("corr-2")))
                .isInstanceOf(ProveUnavailableException.class).hasMessageContaining("empty body");
    }

    @Test
    void aMappedErrorWrappedByTheClientIsUnwrapped() {
        ProveForbiddenException mapped = new ProveForbiddenException(1003, "step not allowed", null);
        FakeV3Client client = new FakeV3Client(call -> new ProcessingException(mapped));
        ProveApi api = new ProveApi(client, tokens);

        assertThatThrownBy(() -> api.unifyBind(new UnifyBindRequest("corr-1", "2001004000", null)))
                .isSameAs(mapped);
    }

    @Test
    void aTokenFailureIsNotTreatedAsARejectedCall() {
        TokenProvider failing = new TokenProvider(() -> {
            throw new ProveUnauthorizedException(8002, "not authorized", null);
        }, clock, Duration.ofSeconds(60));
        FakeV3Client client = FakeV3Client.answering();
        ProveApi api = new ProveApi(client, failing);

        assertThatThrownBy(() -> api.unifyStatus(STATUS)).isInstanceOf(ProveUnauthorizedException.class);
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void fiftyConcurrent401sCauseOneRefetch() throws Exception {
        FakeV3Client client = new FakeV3Client(call -> call.authorization().equals("Bearer token-1")
                ? new ProveUnauthorizedException(8002, "not authorized", null) : null);
        ProveApi api = new ProveApi(client, tokens);
        tokens.token();
        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<UnifyOutcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.unifyStatus(STATUS).outcome();
                }));
            }
            start.countDown();
            for (Future<UnifyOutcome> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(UnifyOutcome.SUCCESS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void theRepeatAfterA401TakesItsOwnTurnAndAThrottledCallNeverReachesProve() {
        FakeV3Client client = new FakeV3Client(call -> call.authorization().equals("Bearer token-1")
                ? new ProveUnauthorizedException(8002, "not authorized", null) : null);
        // two turns per (practically endless) window, none waiting: the call and its repeat use both
        RateLimit limit = new RateLimit(2, Duration.ofHours(1), Duration.ZERO);
        ProveApi api = new ProveApi(client, tokens, limit);

        assertThat(api.unifyStatus(STATUS).outcome()).isEqualTo(UnifyOutcome.SUCCESS);
        assertThat(client.calls()).hasSize(2);

        assertThatThrownBy(() -> api.unifyStatus(STATUS)).isInstanceOf(ProveThrottledException.class);
        assertThat(client.calls()).as("Prove was not called").hasSize(2);
    }
}
