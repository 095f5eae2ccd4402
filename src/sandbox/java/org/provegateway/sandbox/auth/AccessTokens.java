package org.provegateway.sandbox.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.provegateway.sandbox.platform.RandomTokens;
import org.provegateway.sandbox.platform.Settings;

/** Issued bearer tokens, in memory, with their client id and expiry. */
public final class AccessTokens {

    private record Issued(String clientId, Instant expiresAt) {
    }

    /** A freshly issued token and its lifetime in seconds ({@code expires_in}). */
    public record Grant(String accessToken, long expiresIn) {
    }

    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    /** Every token ever issued by this deployment, kept through {@link #clear()} for leak scans. */
    private final List<String> everIssued = new CopyOnWriteArrayList<>();
    private final Settings settings;
    private final Clock clock;

    public AccessTokens(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Issues a token living {@code tokenTtlSeconds} as set right now. */
    public Grant issue(String clientId) {
        Instant now = clock.instant();
        tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        Instant expiresAt = now.plus(settings.tokenTtl());
        String token = RandomTokens.jwt("prove-api", now, expiresAt);
        tokens.put(token, new Issued(clientId, expiresAt));
        everIssued.add(token);
        return new Grant(token, settings.tokenTtl().toSeconds());
    }

    /** The client id of a known, unexpired token. */
    public Optional<String> clientOf(String token) {
        Issued issued = tokens.get(token);
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issued.clientId());
    }

    /** Clears the live tokens; the record of what was issued stays (see {@link #everIssued()}). */
    public void clear() {
        tokens.clear();
    }

    /** Every access token this deployment has handed out, reset included: what tests scan logs for. */
    public List<String> everIssued() {
        return List.copyOf(everIssued);
    }
}
