package org.provegateway.proveapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import org.provegateway.proveapi.wire.TokenResponse;

/**
 * Caches Prove's OAuth access token and replaces it shortly before it expires.
 *
 * <p>Single flight: when many threads need a new token at the same moment, one of them fetches it and the others
 * wait for that result, so a burst of requests (or of 401s) costs one {@code /token} call. A failed fetch is
 * handed to the threads waiting for it and is not cached; the next caller tries again. Waiting is bounded by
 * the REST client's connect and read timeouts.
 *
 * <p>The token's lifetime is counted from the moment the fetch started, not when the answer arrived, so a slow
 * answer can only make us refresh early, never late.
 */
public final class TokenProvider {

    private static final Logger LOG = Logger.getLogger(TokenProvider.class.getName());

    private final TokenSource source;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Object lock = new Object();

    /** Guarded by {@link #lock}. */
    private AccessToken cached;
    /** The fetch in progress, if any; guarded by {@link #lock}. */
    private CompletableFuture<AccessToken> inFlight;

    /**
     * @param refreshAhead how long before expiry a token counts as stale ({@code prove.api.token-refresh-ahead})
     */
    public TokenProvider(TokenSource source, Clock clock, Duration refreshAhead) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        if (refreshAhead.isNegative()) {
            throw new IllegalArgumentException("refreshAhead must not be negative");
        }
    }

    /** A bearer token that is not about to expire, fetched now if needed. */
    public String token() {
        CompletableFuture<AccessToken> fetch;
        boolean fetchHere = false;
        synchronized (lock) {
            if (cached != null && cached.freshAt(clock.instant())) {
                return cached.value();
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                fetchHere = true;
            }
            fetch = inFlight;
        }
        return fetchHere ? fetchInto(fetch).value() : await(fetch).value();
    }

    /**
     * Forgets {@code failedToken} after Prove rejected it with 401, but only if it is still the cached one: when
     * 50 requests fail with the same token, the first eviction drops it and the other 49 leave the replacement
     * alone.
     */
    public void evict(String failedToken) {
        synchronized (lock) {
            if (cached != null && cached.value().equals(failedToken)) {
                cached = null;
            }
        }
    }

    private AccessToken fetchInto(CompletableFuture<AccessToken> fetch) {
        try {
            AccessToken token = toAccessToken(clock.instant(), source.fetch());
            synchronized (lock) {
                cached = token;
            }
            fetch.complete(token);
            return token;
        } catch (RuntimeException e) {
            fetch.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (lock) {
                inFlight = null;
            }
            if (!fetch.isDone()) {
                fetch.completeExceptionally(new IllegalStateException("Prove token fetch aborted"));
            }
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> fetch) {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProveUnavailableException("token", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Prove token fetch failed", e.getCause());
        }
    }

    private AccessToken toAccessToken(Instant fetchStarted, TokenResponse response) {
        if (response == null || response.accessToken() == null || response.accessToken().isBlank()) {
            throw new ProveTokenException("Prove token answer has no access_token");
        }
        if (response.tokenType() == null || !"bearer".equals(response.tokenType().toLowerCase(Locale.ROOT))) {
            throw new ProveTokenException("Prove token answer has token_type '" + response.tokenType()
                    + "', expected Bearer");
        }
        if (response.expiresIn() == null || response.expiresIn() <= 0) {
            throw new ProveTokenException("Prove token answer has no positive expires_in");
        }
        Duration lifetime = Duration.ofSeconds(response.expiresIn());
        LOG.info(() -> "fetched Prove access token, expires in " + lifetime.toSeconds() + " s");
        return new AccessToken(response.accessToken(), fetchStarted.plus(usableFor(lifetime)));
    }

    /**
     * Lifetime minus the refresh margin, but at least half the lifetime: with a margin as long as the token
     * (say, a 60 s token and the 60 s default) every call would otherwise fetch a new token.
     */
    private Duration usableFor(Duration lifetime) {
        Duration early = lifetime.minus(refreshAhead);
        Duration half = lifetime.dividedBy(2);
        return early.compareTo(half) > 0 ? early : half;
    }
}
