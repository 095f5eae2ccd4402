package org.provegateway.proveapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.provegateway.proveapi.wire.TokenResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * What the gateway has seen of Prove, from the calls it makes anyway (a health probe never calls Prove):
 * metrics per operation and outcome, and the state the readiness check reads, namely which circuit breakers are
 * open and whether the last token fetch failed.
 *
 * <p>Metrics (application scope): {@code prove.calls} (timer with histogram buckets, tags {@code operation},
 * {@code outcome}), {@code prove.rate.limited} (Prove's 429s, tag {@code operation}), {@code prove.token.fetches}
 * (tag {@code outcome}) and {@code prove.circuit.open} (1 while an operation's breaker is known to be open, tag
 * {@code operation}). Tag values are method names and fixed outcome words, never request data. MicroProfile Fault
 * Tolerance adds its own {@code ft_*} metrics (base scope) per method, including breaker states.
 *
 * <p>A breaker counts as open from the moment it is seen opening (Fault Tolerance's
 * {@code ft.circuitbreaker.opened.total} moved during a failed call) or refusing a call, for the breaker's delay:
 * after that it lets a trial call through (half-open), and a readiness check that stayed DOWN longer would keep away
 * the very traffic that can close it. A call that reaches Prove clears it.
 */
@ApplicationScoped
public class ProveCalls {

    /** The {@link ProveApi} operations, as tag values. */
    static final List<String> OPERATIONS = List.of("unify", "unifyStatus", "unifyBind", "revokeDevice", "start",
            "validate", "challenge", "complete");

    /**
     * How long a failed token fetch keeps readiness DOWN unless a later fetch succeeds. Fetches happen only when
     * calls need a token, so without this hold a DOWN caused by bad credentials could last forever on a node that
     * readiness has taken out of traffic; 30 s is a few probe periods.
     */
    static final Duration TOKEN_FAILURE_HOLD = Duration.ofSeconds(30);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
    MetricRegistry base;

    private final Map<String, Instant> openSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> openedCounts = new ConcurrentHashMap<>();
    private volatile TokenFetch lastTokenFetch;

    /** The last token fetch: when, and how it ended ("success" or a failure outcome). */
    public record TokenFetch(Instant at, String outcome) {

        public boolean failed() {
            return !"success".equals(outcome);
        }
    }

    /** Records one call of {@code operation}, ended by {@code failure} (null: it succeeded). */
    void record(String operation, Throwable failure, long nanos) {
        String outcome = outcome(failure);
        registry.timer(Metadata.builder().withName("prove.calls")
                .withDescription("Calls to Prove per operation and outcome, as the caller saw them (with retries)")
                .build(), new Tag("operation", operation), new Tag("outcome", outcome)).update(Duration.ofNanos(nanos));
        if (failure instanceof ProveRateLimitedException) {
            rateLimited(operation);
        }
        Instant now = Instant.now();
        if (failure instanceof CircuitBreakerOpenException) {
            openSeen.put(operation, now);
        } else if (failure == null || failure instanceof ProveHttpException) {
            openSeen.remove(operation); // Prove was reached: the breaker let the call through
        }
        if (breakerOpenedMeanwhile(operation) && failure != null) {
            openSeen.put(operation, now);
        }
    }

    /** Wraps the token source so that every fetch is counted and its outcome kept for readiness. */
    TokenSource observe(TokenSource source) {
        return () -> {
            try {
                TokenResponse answer = source.fetch();
                tokenFetched(null);
                return answer;
            } catch (RuntimeException e) {
                tokenFetched(e);
                throw e;
            }
        };
    }

    /** Operations whose circuit breaker is open now (see the class comment). */
    public List<String> openCircuits() {
        Instant now = Instant.now();
        return OPERATIONS.stream().filter(operation -> isOpen(operation, now)).toList();
    }

    public Optional<TokenFetch> lastTokenFetch() {
        return Optional.ofNullable(lastTokenFetch);
    }

    /** True while the last token fetch failed less than {@link #TOKEN_FAILURE_HOLD} ago. */
    public boolean tokenFailing() {
        TokenFetch last = lastTokenFetch;
        return last != null && last.failed() && last.at().plus(TOKEN_FAILURE_HOLD).isAfter(Instant.now());
    }

    /** Registers the circuit gauges (one per operation) so that they are scraped from the start. */
    void registerGauges(@Observes Startup startup) {
        for (String operation : OPERATIONS) {
            registry.gauge(Metadata.builder().withName("prove.circuit.open")
                    .withDescription("1 while the operation's circuit breaker is open (calls refused without "
                            + "reaching Prove), else 0").build(),
                    this, calls -> calls.isOpen(operation, Instant.now()) ? 1 : 0, new Tag("operation", operation));
        }
    }

    private boolean isOpen(String operation, Instant now) {
        Instant seen = openSeen.get(operation);
        return seen != null && seen.plus(ProveApi.breakerDelay(operation)).isAfter(now);
    }

    private void tokenFetched(RuntimeException failure) {
        String outcome = outcome(failure);
        lastTokenFetch = new TokenFetch(Instant.now(), outcome);
        registry.counter(Metadata.builder().withName("prove.token.fetches")
                .withDescription("OAuth token fetches from Prove's /token, per outcome").build(),
                new Tag("outcome", outcome)).inc();
        if (failure instanceof ProveRateLimitedException) {
            rateLimited("token");
        }
    }

    private void rateLimited(String operation) {
        registry.counter(Metadata.builder().withName("prove.rate.limited")
                .withDescription("Answers 429 (rate limit) from Prove").build(), new Tag("operation", operation))
                .inc();
    }

    /** Whether Fault Tolerance's opened counter of this operation's breaker moved since last looked at. */
    private boolean breakerOpenedMeanwhile(String operation) {
        Counter opened = base.getCounter(new MetricID("ft.circuitbreaker.opened.total",
                new Tag("method", ProveApi.class.getName() + "." + operation)));
        if (opened == null) {
            return false;
        }
        long now = opened.getCount();
        Long before = openedCounts.put(operation, now);
        return before != null && now > before;
    }

    /** A fixed word for how a call ended: never a message, a code sent by a caller, or any request data. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit_open";
        }
        if (failure instanceof BulkheadException) {
            return "bulkhead_full";
        }
        if (failure instanceof TimeoutException || failure instanceof ProveTimeoutException) {
            return "timeout";
        }
        if (failure instanceof ProveRateLimitedException) {
            return "rate_limited";
        }
        if (failure instanceof ProveUnauthorizedException) {
            return "unauthorized";
        }
        if (failure instanceof ProveHttpException http) {
            return "http_" + http.status() / 100 + "xx";
        }
        if (failure instanceof ProveUnavailableException) {
            return "unavailable";
        }
        if (failure instanceof ProveConfigurationException) {
            return "not_configured";
        }
        if (failure instanceof ProveTokenException) {
            return "bad_token_answer";
        }
        return "error";
    }
}
