package org.provegateway.proveapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.provegateway.proveapi.client.ProveClients;
import org.provegateway.proveapi.client.ProveTokenClient;
import org.provegateway.proveapi.client.ProveV3Client;
import org.provegateway.proveapi.wire.ChallengeRequest;
import org.provegateway.proveapi.wire.ChallengeResponse;
import org.provegateway.proveapi.wire.CompleteRequest;
import org.provegateway.proveapi.wire.CompleteResponse;
import org.provegateway.proveapi.wire.DeviceRevokeRequest;
import org.provegateway.proveapi.wire.DeviceRevokeResponse;
import org.provegateway.proveapi.wire.StartRequest;
import org.provegateway.proveapi.wire.StartResponse;
import org.provegateway.proveapi.wire.UnifyBindRequest;
import org.provegateway.proveapi.wire.UnifyBindResponse;
import org.provegateway.proveapi.wire.UnifyRequest;
import org.provegateway.proveapi.wire.UnifyResponse;
import org.provegateway.proveapi.wire.UnifyStatusRequest;
import org.provegateway.proveapi.wire.UnifyStatusResponse;
import org.provegateway.proveapi.wire.ValidateRequest;
import org.provegateway.proveapi.wire.ValidateResponse;

/**
 * The gateway's one entry point to Prove: one method per operation, taking and returning Prove's wire records.
 * Each call carries a cached bearer token; when Prove answers 401 the token is evicted and the call is repeated
 * exactly once with a fresh token (a 401 means Prove did not process the request, so repeating it is safe);
 * a second 401 evicts that token too and propagates.
 *
 * <p>Every failure of Prove itself is a {@link ProveApiException}: {@link ProveHttpException} subtypes for error
 * answers, {@link ProveUnavailableException} (and its {@link ProveTimeoutException}) when there was no usable
 * answer. On top of that, when called through CDI, each public method carries MicroProfile Fault Tolerance, whose
 * own exceptions ({@code TimeoutException}, {@code CircuitBreakerOpenException}) the
 * callers translate with {@code ProveFailures}. Each method has its own timeout and breaker (the
 * annotations are per method), so the numbers below are per operation. Every number can be overridden with the
 * standard MicroProfile Config keys {@code org.provegateway.proveapi.ProveApi/<method>/<Annotation>/<param>}, e.g.
 * {@code org.provegateway.proveapi.ProveApi/unify/CircuitBreaker/delay=30000}, or for all methods at once with
 * {@code <Annotation>/<param>}; durations are in milliseconds.
 *
 * <ul>
 * <li><b>{@code @Timeout} {@value #TIMEOUT_MILLIS} ms</b> on every call: 2 s above the default
 * {@code prove.api.read-timeout} (15 s), so that the REST client's own read timeout normally fires first and the
 * caller learns that Prove was slow ({@link ProveTimeoutException}, a 504) from the transport itself. This timeout
 * is the backstop for the whole method, which may also fetch a token and repeat once after a 401: however those
 * add up, the request thread is released after this long. Raise it together with {@code prove.api.read-timeout}.
 * <li><b>{@code @Retry} on {@link #unifyStatus} only</b>: {@value #RETRY_MAX} repeats, {@value #RETRY_DELAY_MILLIS}
 * ms apart with {@value #RETRY_JITTER_MILLIS} ms jitter, all within {@value #RETRY_MAX_DURATION_MILLIS} ms. A
 * status read changes nothing at Prove, so repeating it is safe; a brief 5xx or a dropped connection is absorbed
 * instead of reaching the user, and 200 ms is long enough for a load balancer to route around a bad node while
 * adding little to a user's wait. Only fast transient failures are repeated ({@link ProveServerException},
 * {@link ProveUnavailableException}); a {@link ProveTimeoutException} is not, because the caller has already waited
 * a full read timeout, nor a 429 ({@link ProveRateLimitedException}): Fault Tolerance cannot wait for Prove's
 * {@code Retry-After}, so the caller gets a 503 carrying it. {@link #unify}, {@link #start}, {@link #unifyBind},
 * {@link #validate}, {@link #challenge}, {@link #complete} and {@link #revokeDevice} are never repeated: they start or bind something,
 * and repeating {@link #unify} or {@link #start} after a read timeout can send the user a second SMS. The token
 * fetch is not a CDI method (it runs inside {@link TokenProvider}) and is not repeated either.
 * <li><b>{@code @CircuitBreaker}</b>: opens when at least {@value #BREAKER_FAILURE_RATIO_PERCENT} % of the last
 * {@value #BREAKER_VOLUME} calls failed transiently (5xx, no answer, timeout); stays open {@value #BREAKER_DELAY_MILLIS}
 * ms, during which calls fail at once with a 503 whose {@code Retry-After} is that delay; then closes after
 * {@value #BREAKER_SUCCESS_THRESHOLD} good trial calls. 20 calls is a few seconds of normal traffic, enough that a
 * single bad call never opens it; half of them failing means Prove is in real trouble; 10 s is short next to a
 * user's 2-minute OTP window yet spares a struggling Prove (and our request threads) a flood of 15-second waits.
 * Caller errors (400, 403, 404), a rejected token and 429 never open it ({@code skipOn}): they say nothing about
 * Prove's health. (An unexpected 3xx/4xx without a type of its own arrives as a {@link ProveServerException} and
 * does count; Prove does not send those.)
 * <li><b>No {@code @Bulkhead}.</b> The {@link RateLimit} below already bounds the calls in flight to this node's
 * share of Prove's rate ({@code rate / nodes}, 25 by default) and is the waiting room: a call waits there up to
 * {@code prove.api.rate-limit.max-wait} for its turn and is then refused with {@code 503 prove-rate-limited} and
 * {@code Retry-After}. A bulkhead of its own admitted 25 callers per operation, counting those that were only waiting
 * for the rate limit, and refused the rest at once with {@code 503 prove-unavailable}: 200 starts at once with ample
 * rate got 175 refusals although Prove was idle (issue 13). Threads held by Prove stay bounded without it: at most
 * {@code rate / nodes} calls run at a time, each for at most the {@code @Timeout}, and waiting callers leave after
 * {@code max-wait}.
 * </ul>
 *
 * <p><b>Rate limit.</b> Inside all of that, every call to Prove made here, the token fetch and the repeat after a
 * 401 included, runs within one {@link RateLimit} per gateway node ({@code prove.api.rate-limit*}, see
 * {@link RateLimitConfig}), so the node stays within its share of Prove's 25 requests per second instead of
 * letting Prove refuse calls with 429. A call whose turn is too far away fails with
 * {@link ProveThrottledException} (a 503 with Retry-After); Prove was not called, so it opens no breaker and is not
 * repeated.
 *
 * <p>Constructed directly (unit tests) the annotations are inert.
 */
@ApplicationScoped
@Measured
public class ProveApi {

    private static final String BEARER = "Bearer ";

    /** See the class Javadoc for why each number is what it is. */
    public static final long TIMEOUT_MILLIS = 17_000;
    public static final int RETRY_MAX = 2;
    public static final long RETRY_DELAY_MILLIS = 200;
    public static final long RETRY_JITTER_MILLIS = 100;
    public static final long RETRY_MAX_DURATION_MILLIS = 5_000;
    public static final int BREAKER_VOLUME = 20;
    public static final double BREAKER_FAILURE_RATIO = 0.5;
    public static final int BREAKER_FAILURE_RATIO_PERCENT = 50;
    public static final long BREAKER_DELAY_MILLIS = 10_000;
    public static final int BREAKER_SUCCESS_THRESHOLD = 2;

    private ProveV3Client client;
    private TokenProvider tokens;
    private RateLimit limit;

    /** For the CDI client proxy only. */
    protected ProveApi() {
    }

    @Inject
    public ProveApi(ProveApiConfig config, ProveClients clients, RateLimitConfig rateLimit, ProveCalls calls) {
        this(clients.v3Client(), rateLimit.newLimit(), config, clients.tokenClient(), calls);
    }

    private ProveApi(ProveV3Client client, RateLimit limit, ProveApiConfig config, ProveTokenClient tokenClient,
            ProveCalls calls) {
        this(client, new TokenProvider(calls.observe(clientCredentials(config, tokenClient, limit)), Clock.systemUTC(),
                config.tokenRefreshAhead()), limit);
    }

    ProveApi(ProveV3Client client, TokenProvider tokens) {
        this(client, tokens, RateLimit.none());
    }

    /**
     * @param limit counts every call to Prove made here, including the token fetches of {@code tokens} when they
     *        go through the same limit (as in production)
     */
    ProveApi(ProveV3Client client, TokenProvider tokens, RateLimit limit) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** {@code POST /v3/unify}: starts a possession check; {@code success} is {@code "pending"}. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public UnifyResponse unify(UnifyRequest request) {
        return authorized("unify", request, auth -> client.unify(auth, request));
    }

    /** {@code POST /v3/unify-status}: result of the possession check. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    @Retry(maxRetries = RETRY_MAX, delay = RETRY_DELAY_MILLIS, jitter = RETRY_JITTER_MILLIS,
            maxDuration = RETRY_MAX_DURATION_MILLIS,
            retryOn = {ProveServerException.class, ProveUnavailableException.class},
            abortOn = {ProveTimeoutException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public UnifyStatusResponse unifyStatus(UnifyStatusRequest request) {
        return authorized("unify-status", request, auth -> client.unifyStatus(auth, request));
    }

    /** {@code POST /v3/unify-bind}: binds the Prove Key after the integrator's own possession check. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public UnifyBindResponse unifyBind(UnifyBindRequest request) {
        return authorized("unify-bind", request, auth -> client.unifyBind(auth, request));
    }

    /** {@code POST /v3/device/revoke}: deactivates a Prove Key. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public DeviceRevokeResponse revokeDevice(DeviceRevokeRequest request) {
        return authorized("device/revoke", request, auth -> client.revokeDevice(auth, request));
    }

    /** {@code POST /v3/start}: starts a Prove Identity / Pre-Fill flow. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public StartResponse start(StartRequest request) {
        return authorized("start", request, auth -> client.start(auth, request));
    }

    /** {@code POST /v3/validate}: result of the phone possession step. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public ValidateResponse validate(ValidateRequest request) {
        return authorized("validate", request, auth -> client.validate(auth, request));
    }

    /** {@code POST /v3/challenge}: Pre-Fill's challenge (date of birth and/or SSN); answers the pre-filled individual. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public ChallengeResponse challenge(ChallengeRequest request) {
        return authorized("challenge", request, auth -> client.challenge(auth, request));
    }

    /** {@code POST /v3/complete}: verifies the individual. */
    @Timeout(TIMEOUT_MILLIS)
    @CircuitBreaker(requestVolumeThreshold = BREAKER_VOLUME, failureRatio = BREAKER_FAILURE_RATIO,
            delay = BREAKER_DELAY_MILLIS, successThreshold = BREAKER_SUCCESS_THRESHOLD,
            failOn = {ProveUnavailableException.class, ProveServerException.class, TimeoutException.class},
            skipOn = {ProveBadRequestException.class, ProveForbiddenException.class, ProveNotFoundException.class,
                ProveUnauthorizedException.class, ProveRateLimitedException.class,
                ProveThrottledException.class})
    public CompleteResponse complete(CompleteRequest request) {
        return authorized("complete", request, auth -> client.complete(auth, request));
    }

    /**
     * How long the circuit breaker of {@code method} stays open, as configured
     * ({@code .../<method>/CircuitBreaker/delay}, else {@code CircuitBreaker/delay}, else the default): the longest
     * a caller refused by an open breaker has to wait, so it is the {@code Retry-After} of that answer.
     */
    public static Duration breakerDelay(String method) {
        try {
            var config = ConfigProvider.getConfig();
            long millis = config.getOptionalValue(ProveApi.class.getName() + "/" + method + "/CircuitBreaker/delay",
                    Long.class).or(() -> config.getOptionalValue("CircuitBreaker/delay", Long.class))
                    .orElse(BREAKER_DELAY_MILLIS);
            return Duration.of(Math.max(0, millis), ChronoUnit.MILLIS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Duration.ofMillis(BREAKER_DELAY_MILLIS);
        }
    }

    private <T> T authorized(String operation, Object request, Function<String, T> call) {
        Objects.requireNonNull(request, "request");
        String token = tokens.token();
        try {
            return limit.call(operation, () -> invoke(operation, () -> call.apply(BEARER + token)));
        } catch (ProveUnauthorizedException rejected) {
            tokens.evict(token);
            String fresh = tokens.token();
            try {
                return limit.call(operation, () -> invoke(operation, () -> call.apply(BEARER + fresh)));
            } catch (ProveUnauthorizedException again) {
                tokens.evict(fresh);
                throw again;
            }
        }
    }

    private static TokenSource clientCredentials(ProveApiConfig config, ProveTokenClient tokenClient,
            RateLimit limit) {
        return () -> limit.call("token", () -> invoke("token", () -> tokenClient.token(
                ProveTokenClient.CLIENT_CREDENTIALS, config.clientId(), config.clientSecret())));
    }

    /**
     * Runs a REST client call, turning transport failures ({@link ProcessingException}: refused, timed out,
     * dropped, unreadable) and a 2xx without a body into {@link ProveUnavailableException}. Some REST client implementations wrap the
     * exception built by the response mapper in a {@link ProcessingException}; that one is unwrapped.
     */
    static <T> T invoke(String operation, Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ProveApiException mapped) {
                throw mapped;
            }
            ProveUnavailableException unavailable = new ProveUnavailableException(operation, e);
            throw unavailable.isTimeout() ? new ProveTimeoutException(operation, e) : unavailable;
        }
        if (answer == null) {
            throw new ProveUnavailableException(operation, "empty body");
        }
        return answer;
    }
}
