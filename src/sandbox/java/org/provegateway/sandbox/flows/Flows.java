package org.provegateway.sandbox.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.provegateway.sandbox.platform.RandomTokens;
import org.provegateway.sandbox.platform.Settings;

/**
 * All live flows, in memory, by {@code correlationId} and by {@code authToken}.
 *
 * <p>A flow expires {@code flowTtlSeconds} (default 900 s, "15 minutes after /v3/unify or /v3/start returns") after
 * it was created; afterwards it is unknown, so {@code /v3} answers 8008 (D4) and the client step answers 8008 too.
 * Expired flows are dropped lazily.
 */
public final class Flows {

    private final Map<String, Flow> byCorrelationId = new ConcurrentHashMap<>();
    private final Map<String, Flow> byAuthToken = new ConcurrentHashMap<>();
    /** Every authToken ever handed out by this deployment, kept through {@link #clear()} for leak scans. */
    private final List<String> everIssued = new CopyOnWriteArrayList<>();
    private final Settings settings;
    private final Clock clock;

    public Flows(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Fresh identifiers for a new flow; the authToken's {@code exp} is the flow's expiry. */
    public FlowIds newIds() {
        Instant now = clock.instant();
        return new FlowIds(UUID.randomUUID().toString(), RandomTokens.jwt("prove-web-sdk", now, now.plus(settings.flowTtl())),
                now);
    }

    public <F extends Flow> F add(F flow) {
        purgeExpired();
        byCorrelationId.put(flow.ids().correlationId(), flow);
        byAuthToken.put(flow.ids().authToken(), flow);
        everIssued.add(flow.ids().authToken());
        return flow;
    }

    public Optional<Flow> byCorrelationId(String correlationId) {
        return live(byCorrelationId.get(correlationId));
    }

    public Optional<Flow> byAuthToken(String authToken) {
        return live(byAuthToken.get(authToken));
    }

    /** Forgets every flow; the record of the authTokens handed out stays (see {@link #everIssuedAuthTokens()}). */
    public void clear() {
        byCorrelationId.clear();
        byAuthToken.clear();
    }

    /** Every authToken this deployment has handed out, reset included: what tests scan logs for. */
    public List<String> everIssuedAuthTokens() {
        return List.copyOf(everIssued);
    }

    private Optional<Flow> live(Flow flow) {
        if (flow == null) {
            return Optional.empty();
        }
        if (expired(flow)) {
            forget(flow);
            return Optional.empty();
        }
        return Optional.of(flow);
    }

    private boolean expired(Flow flow) {
        return !clock.instant().isBefore(flow.ids().createdAt().plus(settings.flowTtl()));
    }

    private void purgeExpired() {
        byCorrelationId.values().stream().filter(this::expired).toList().forEach(this::forget);
    }

    private void forget(Flow flow) {
        byCorrelationId.remove(flow.ids().correlationId(), flow);
        byAuthToken.remove(flow.ids().authToken(), flow);
    }
}
