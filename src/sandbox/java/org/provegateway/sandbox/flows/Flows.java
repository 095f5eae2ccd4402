package org.provegateway.sandbox.flows;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
        return flow;
    }

    public Optional<Flow> byCorrelationId(String correlationId) {
        return live(byCorrelationId.get(correlationId));
    }

    public Optional<Flow> byAuthToken(String authToken) {
        return live(byAuthToken.get(authToken));
    }

    public void clear() {
        byCorrelationId.clear();
        byAuthToken.clear();
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
